package io.github.scimkit.core.store;

/**
 * Keeps one tenant's users. Users are the members of groups; see {@link GroupStore}.
 *
 * <p>Deleting a user does not by itself touch the groups it belongs to: the engine removes its
 * memberships through {@link GroupStore#removeMembers} in the same {@link UnitOfWork}, so that
 * each removal is reported.
 */
public interface UserStore extends RecordStore {}
