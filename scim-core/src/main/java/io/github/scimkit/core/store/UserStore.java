package io.github.scimkit.core.store;

/**
 * Keeps one tenant's users. Users are the members of groups; see {@link GroupStore}.
 *
 * <p>Before deleting a user, the engine removes its memberships through {@link
 * GroupStore#removeMembers} in the same {@link UnitOfWork}, so that each removal is reported. A
 * store may also drop a deleted user's memberships itself (a cascading foreign key, say).
 */
public interface UserStore extends RecordStore {}
