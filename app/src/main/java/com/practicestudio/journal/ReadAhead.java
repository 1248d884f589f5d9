package com.practicestudio.journal;

import java.util.List;

/**
 * Reads, for a group of inbound rows, what their handlers would each read one row at a time, in a
 * few statements for the whole group. Handlers that return the same {@code ReadAhead} from {@link
 * ExchangeHandler#readAhead} share it: when every row of a group goes to such handlers, it runs
 * once, inside the group's transaction, before the first row is applied.
 *
 * <p>It only reads (and may lock what the rows will lock anyway). What it reads is handed to the
 * handlers through {@link com.practicestudio.db.TransactionMemo#readAhead}, keyed by exactly the
 * question a handler will ask, and each answer is taken once. It answers only what no other row of
 * the group can change before it is asked: when two rows name one record, neither is read ahead.
 * Rows it cannot make sense of are left to their handlers, which read for themselves and answer for
 * them.
 */
public interface ReadAhead {

  /** A row of the group and its opened payload. */
  record Row(Exchange exchange, Payload payload) {}

  void readAhead(List<Row> rows);
}
