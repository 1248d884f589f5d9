package com.practicestudio.security.users;

import com.practicestudio.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String username, String passwordHash, Role role) {
    return jdbc.sql(
            "INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, ?) RETURNING id")
        .params(username, passwordHash, role.name())
        .query(Long.class)
        .single();
  }

  Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql("SELECT * FROM app_user WHERE lower(username) = lower(?)")
        .param(username)
        .query(UserRepository::map)
        .optional();
  }

  Optional<UserAccount> findById(long id) {
    return jdbc.sql("SELECT * FROM app_user WHERE id = ?")
        .param(id)
        .query(UserRepository::map)
        .optional();
  }

  Optional<String> passwordHash(String username) {
    return jdbc.sql("SELECT password_hash FROM app_user WHERE lower(username) = lower(?)")
        .param(username)
        .query(String.class)
        .optional();
  }

  List<UserAccount> page(long afterId, int limit) {
    return jdbc.sql("SELECT * FROM app_user WHERE id > ? ORDER BY id LIMIT ?")
        .params(afterId, limit)
        .query(UserRepository::map)
        .list();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  void updatePassword(long id, String passwordHash) {
    jdbc.sql(
            "UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL,"
                + " updated_at = now() WHERE id = ?")
        .params(passwordHash, id)
        .update();
  }

  void update(long id, Role role, boolean enabled) {
    jdbc.sql("UPDATE app_user SET role = ?, enabled = ?, updated_at = now() WHERE id = ?")
        .params(role.name(), enabled, id)
        .update();
  }

  void unlock(long id) {
    jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?")
        .param(id)
        .update();
  }

  /** Counts a failed login and locks the account once {@code max} is reached; answers the count. */
  int recordFailure(String username, int max, Instant lockUntil) {
    return jdbc.sql(
            """
            UPDATE app_user
               SET failed_logins = failed_logins + 1,
                   locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
             WHERE lower(username) = lower(?)
            RETURNING failed_logins
            """)
        .params(max, Timestamp.from(lockUntil), username)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  void recordSuccess(String username) {
    jdbc.sql(
            "UPDATE app_user SET failed_logins = 0, locked_until = NULL"
                + " WHERE lower(username) = lower(?) AND (failed_logins > 0 OR locked_until IS NOT NULL)")
        .param(username)
        .update();
  }

  private static UserAccount map(ResultSet rs, int row) throws SQLException {
    Timestamp locked = rs.getTimestamp("locked_until");
    return new UserAccount(
        rs.getLong("id"),
        rs.getString("username"),
        Role.valueOf(rs.getString("role")),
        rs.getBoolean("enabled"),
        rs.getInt("failed_logins"),
        locked == null ? null : locked.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }
}
