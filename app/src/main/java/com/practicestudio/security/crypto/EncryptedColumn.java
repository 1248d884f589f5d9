package com.practicestudio.security.crypto;

/**
 * A column holding values sealed by {@link Crypto}. Features declare theirs as beans so that {@code
 * key rotate} finds every sealed value without knowing the features.
 *
 * @param table table name
 * @param idColumn its primary key column
 * @param column the bytea column with sealed values
 */
public record EncryptedColumn(String table, String idColumn, String column) {

  public EncryptedColumn {
    for (String name : new String[] {table, idColumn, column}) {
      if (!name.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("not a plain SQL name: " + name);
      }
    }
  }

  /** The associated data every value of this column is sealed with. */
  public String context() {
    return table + "." + column;
  }
}
