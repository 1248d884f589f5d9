package com.practicestudio.security.tokens;

import com.practicestudio.security.Actor;
import com.practicestudio.security.Permission;
import com.practicestudio.security.audit.AuditAction;
import com.practicestudio.security.audit.AuditLog;
import com.practicestudio.security.users.UserAccount;
import com.practicestudio.security.users.UserService;
import com.practicestudio.web.Cursor;
import com.practicestudio.web.InvalidRequestException;
import com.practicestudio.web.NotFoundException;
import com.practicestudio.web.Page;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API tokens: 256 random bits, shown once at creation, stored as SHA-256. */
@Service
public class ApiTokenService {

  static final String TOKEN_PREFIX = "pst_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final UserService users;
  private final AuditLog audit;
  private final Clock clock;

  ApiTokenService(JdbcClient jdbc, UserService users, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** A created token: {@code token} is the secret, returned this once only. */
  public record CreatedToken(ApiToken info, String token) {}

  @Transactional
  public CreatedToken create(String username, String name, Instant expiresAt) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidRequestException("name", "is required (at most 100 characters)");
    }
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new InvalidRequestException("expiresAt", "must be in the future");
    }
    UserAccount user = users.byUsername(username);
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    long id =
        jdbc.sql(
                """
                INSERT INTO api_token (user_id, name, token_hash, prefix, expires_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                user.id(),
                name.trim(),
                hash(token),
                token.substring(0, 10),
                expiresAt == null ? null : Timestamp.from(expiresAt))
            .query(Long.class)
            .single();
    audit.record(
        AuditAction.TOKEN_CREATE,
        "token",
        id,
        Map.of("user", user.username(), "name", name.trim()));
    return new CreatedToken(byId(id), token);
  }

  /** The username a valid token belongs to; records its use. */
  @Transactional
  public Optional<String> authenticate(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            UPDATE api_token t SET last_used_at = ?
              FROM app_user u
             WHERE t.token_hash = ? AND t.user_id = u.id AND t.revoked_at IS NULL
               AND (t.expires_at IS NULL OR t.expires_at > ?) AND u.enabled
            RETURNING u.username
            """)
        .params(Timestamp.from(clock.instant()), hash(token), Timestamp.from(clock.instant()))
        .query(String.class)
        .optional();
  }

  /** Admins see every token; others see their own. */
  public Page<ApiToken> list(int limit, String cursor) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE t.id > ?");
    List<Object> params = new ArrayList<>(List.of(Cursor.decodeId(cursor)));
    if (!Actor.can(Permission.USERS_MANAGE)) {
      sql.append(" AND lower(u.username) = lower(?)");
      params.add(Actor.name());
    }
    sql.append(" ORDER BY t.id LIMIT ?");
    params.add(limit + 1);
    return Cursor.page(
        jdbc.sql(sql.toString()).params(params).query(ApiTokenService::map).list(),
        limit,
        t -> Long.toString(t.id()));
  }

  @Transactional
  public ApiToken revoke(long id) {
    ApiToken token = byId(id);
    if (!Actor.can(Permission.USERS_MANAGE) && !token.username().equalsIgnoreCase(Actor.name())) {
      throw new AccessDeniedException("not your token");
    }
    jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .params(Timestamp.from(clock.instant()), id)
        .update();
    audit.record(AuditAction.TOKEN_REVOKE, "token", id, Map.of("user", token.username()));
    return byId(id);
  }

  public ApiToken byId(long id) {
    return jdbc.sql(SELECT + " WHERE t.id = ?")
        .param(id)
        .query(ApiTokenService::map)
        .optional()
        .orElseThrow(() -> new NotFoundException("token", id));
  }

  private static final String SELECT =
      "SELECT t.*, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id";

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("name"),
        rs.getString("prefix"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("expires_at")),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("revoked_at")));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
