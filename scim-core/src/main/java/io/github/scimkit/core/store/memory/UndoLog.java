package io.github.scimkit.core.store.memory;

import java.util.ArrayDeque;
import java.util.Deque;

/** The undo actions of the writes made so far, to roll back in reverse order. Not thread-safe. */
final class UndoLog {

  private final Deque<Runnable> actions = new ArrayDeque<>();

  /** Records the action that undoes a write just made. */
  void record(Runnable undo) {
    actions.addLast(undo);
  }

  /** Returns a mark to roll back to: the number of writes recorded so far. */
  int mark() {
    return actions.size();
  }

  /** Undoes, newest first, every write recorded after the mark. */
  void rollbackTo(int mark) {
    while (actions.size() > mark) {
      actions.removeLast().run();
    }
  }
}
