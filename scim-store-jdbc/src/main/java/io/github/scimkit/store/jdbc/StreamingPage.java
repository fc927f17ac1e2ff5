package io.github.scimkit.store.jdbc;

import io.github.scimkit.core.store.ResultPage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A result page read from an open cursor: items are built as the stream is consumed, and the
 * connection is held until {@link #close()}.
 *
 * <p>A keyset page's query fetches one item more than the page holds; when that item exists, the
 * page has a next token, made from the position of the last item returned (or the position the
 * page started from, when it returned none). A database failure while streaming surfaces as an
 * {@link IllegalStateException} whose cause is a {@link
 * io.github.scimkit.core.store.StoreUnavailableException}.
 *
 * @param <T> the item type
 */
final class StreamingPage<T> implements ResultPage<T> {

  /**
   * The cursor: the result set and whether it stands on an unread row; every row it steps onto is
   * added to its counter.
   */
  static final class Cursor {
    final ResultSet rows;
    private final LongAdder rowsRead;
    boolean onRow;

    Cursor(ResultSet rows) throws SQLException {
      this(rows, new LongAdder());
    }

    Cursor(ResultSet rows, LongAdder rowsRead) throws SQLException {
      this.rows = rows;
      this.rowsRead = rowsRead;
      advance();
    }

    void advance() throws SQLException {
      onRow = rows.next();
      if (onRow) {
        rowsRead.increment();
      }
    }
  }

  /** An item and its position in the order. */
  record Item<T>(T value, Object position) {}

  /** Reads one item from the rows starting at the cursor, leaving it on the next item's row. */
  @FunctionalInterface
  interface Reader<T> {
    Item<T> read(Cursor cursor) throws SQLException;
  }

  private final Transactions.Lease lease;
  private final PreparedStatement statement;
  private final Cursor cursor;
  private final Reader<T> reader;
  private final int limit;
  private final OptionalLong total;
  private final Function<Object, String> tokenOf;
  private Object lastPosition;
  private int emitted;
  private boolean done;
  private boolean streamed;
  private Optional<String> nextToken = Optional.empty();

  /**
   * Opens a page over an executed statement.
   *
   * @param tokenOf for a keyset page, makes a token from a position; {@code null} otherwise
   * @param start the position the page starts after, for a keyset page
   * @param rowsRead counts every row the page reads
   */
  StreamingPage(Transactions.Lease lease, PreparedStatement statement, Reader<T> reader, int limit,
      OptionalLong total, Function<Object, String> tokenOf, Object start, LongAdder rowsRead) throws SQLException {
    this.lease = lease;
    this.statement = statement;
    this.cursor = new Cursor(statement.executeQuery(), rowsRead);
    this.reader = reader;
    this.limit = limit;
    this.total = total;
    this.tokenOf = tokenOf;
    this.lastPosition = start;
  }

  private boolean advance(Consumer<? super T> action) {
    if (done) {
      return false;
    }
    try {
      if (emitted >= limit || !cursor.onRow) {
        done = true;
        if (tokenOf != null && cursor.onRow) {
          nextToken = Optional.of(tokenOf.apply(lastPosition));
        }
        return false;
      }
      Item<T> item = reader.read(cursor);
      emitted++;
      lastPosition = item.position();
      action.accept(item.value());
      return true;
    } catch (SQLException e) {
      done = true;
      throw new IllegalStateException("Reading a result page failed", SqlErrors.unavailable(e));
    }
  }

  @Override
  public Stream<T> items() {
    if (streamed) {
      throw new IllegalStateException("items() may be called only once");
    }
    streamed = true;
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        return advance(action);
      }
    };
    return StreamSupport.stream(spliterator, false);
  }

  @Override
  public OptionalLong totalResults() {
    return total;
  }

  @Override
  public Optional<String> nextToken() {
    while (advance(item -> { })) {
      // Reads what the caller left unread, to learn whether another page follows.
    }
    return nextToken;
  }

  @Override
  public void close() {
    done = true;
    try {
      cursor.rows.close();
    } catch (SQLException ignored) {
      // Closing the statement closes it too.
    }
    try {
      statement.close();
    } catch (SQLException ignored) {
      // The connection goes back to the pool regardless.
    }
    lease.close();
  }
}
