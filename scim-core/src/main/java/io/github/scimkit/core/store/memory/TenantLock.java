package io.github.scimkit.core.store.memory;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Serialises one tenant's writes and runs its units of work.
 *
 * <p>Reads hold the read lock, writes and units of work the write lock; the thread holding the
 * write lock may read. While a unit of work runs, its thread's writes record their undo actions
 * in the unit's log, and a unit started inside it joins it: the inner unit commits with the outer
 * one, and when it throws, its own writes are undone at once. Every write is atomic on its own:
 * when it fails, its own changes are undone, even inside a unit of work.
 */
final class TenantLock {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** The running unit of work's log; set and read only by the thread holding the write lock. */
  private UndoLog transaction;

  /** A read of the tenant's data. */
  @FunctionalInterface
  interface Read<T> {
    T get() throws ScimException;
  }

  /** A write that records how to undo each change it makes. */
  @FunctionalInterface
  interface Write<T> {
    T apply(UndoLog undo) throws ScimException;
  }

  /** Work that runs as one unit. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws ScimException;
  }

  /** Runs a read under the read lock. */
  <T> T read(Read<T> read) throws ScimException {
    lock.readLock().lock();
    try {
      return read.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs a write under the write lock, undoing its changes when it throws. */
  <T> T write(Write<T> write) throws ScimException {
    lock.writeLock().lock();
    try {
      UndoLog undo = transaction != null ? transaction : new UndoLog();
      int mark = undo.mark();
      try {
        return write.apply(undo);
      } catch (Throwable failure) {
        undo.rollbackTo(mark);
        throw failure;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs work as one unit under the write lock, or as part of the running one. */
  <T> T transaction(Work<T> work) throws ScimException {
    lock.writeLock().lock();
    try {
      if (transaction != null) {
        return joined(work);
      }
      transaction = new UndoLog();
      try {
        return work.run();
      } catch (Throwable failure) {
        transaction.rollbackTo(0);
        throw failure;
      } finally {
        transaction = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs work inside the running unit; when it throws, undoes its own writes before rethrowing. */
  private <T> T joined(Work<T> work) throws ScimException {
    int mark = transaction.mark();
    try {
      return work.run();
    } catch (Throwable failure) {
      transaction.rollbackTo(mark);
      throw failure;
    }
  }
}
