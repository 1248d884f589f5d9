package com.practicestudio.hl7;

import com.practicestudio.hl7v2.Hl7Charset;
import com.practicestudio.mllp.IpAllowlist;
import com.practicestudio.web.FieldChecks;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an {@link InterfaceInput} and fills defaults; every bad field is named in one 400.
 * Messages never echo secrets.
 */
final class InterfaceValidator {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern MESSAGE_TYPE = Pattern.compile("[A-Z0-9]{3}");
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+|localhost");
  private static final List<String> CLIENT_AUTH = List.of("none", "optional", "required");
  private static final long HOUR = 3_600_000;

  /** A checked interface, with what to do about the stored key store password. */
  record Checked(
      String name,
      InterfaceKind kind,
      boolean enabled,
      ListenerSettings listener,
      SenderSettings sender,
      PasswordChange password) {}

  /** Keep the stored password, remove it, or store a new one. */
  record PasswordChange(boolean keep, String value) {
    static final PasswordChange KEEP = new PasswordChange(true, null);
  }

  Checked check(InterfaceInput in, InterfaceKind existingKind) {
    FieldChecks checks = new FieldChecks();
    String name = checks.requiredText("name", in.name(), 64);
    checks.check(name == null || NAME.matcher(name).matches(), "name", NAME_RULE);
    InterfaceKind kind = kind(in.kind(), existingKind, checks);
    boolean enabled = in.enabled() == null || in.enabled();
    ListenerSettings listener = null;
    SenderSettings sender = null;
    InterfaceInput.Tls tls = null;
    if (kind == InterfaceKind.LISTENER) {
      InterfaceInput.Listener l = in.listener();
      if (l == null) {
        checks.problem("listener", "is required for a listener");
      } else {
        listener = listener(l, checks);
        tls = l.tls();
      }
      checks.check(in.sender() == null, "sender", "must be left out for a listener");
    } else if (kind == InterfaceKind.SENDER) {
      InterfaceInput.Sender s = in.sender();
      if (s == null) {
        checks.problem("sender", "is required for a sender");
      } else {
        sender = sender(s, checks);
        tls = s.tls();
      }
      checks.check(in.listener() == null, "listener", "must be left out for a sender");
    }
    checks.throwIfAny();
    return new Checked(name, kind, enabled, listener, sender, password(tls));
  }

  private static final String NAME_RULE =
      "must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or"
          + " digit";

  private static InterfaceKind kind(String text, InterfaceKind existing, FieldChecks checks) {
    if (existing != null) {
      if (text != null
          && !text.isBlank()
          && InterfaceKind.fromWire(text).orElse(null) != existing) {
        checks.problem("kind", "cannot change");
      }
      return existing;
    }
    if (text == null || text.isBlank()) {
      checks.problem("kind", "is required (listener or sender)");
      return null;
    }
    Optional<InterfaceKind> kind = InterfaceKind.fromWire(text);
    checks.check(kind.isPresent(), "kind", "must be listener or sender");
    return kind.orElse(null);
  }

  private static ListenerSettings listener(InterfaceInput.Listener in, FieldChecks checks) {
    String bind = checks.text("listener.bindAddress", in.bindAddress(), 64);
    checks.check(
        bind == null || ADDRESS.matcher(bind).matches(),
        "listener.bindAddress",
        "must be an IP address (or localhost)");
    Integer port = checks.required("listener.port", in.port());
    checks.check(
        port == null || (port >= 0 && port <= 65535), "listener.port", "must be in 0..65535");
    List<String> allowlist = allowlist(in.allowlist(), checks);
    AckMode mode =
        in.ackMode() == null ? AckMode.ORIGINAL : AckMode.fromWire(in.ackMode()).orElse(null);
    checks.check(mode != null, "listener.ackMode", "must be original or enhanced");
    checks.check(
        mode != AckMode.ENHANCED || in.replySenderId() != null,
        "listener.replySenderId",
        "is required with ackMode enhanced: it carries the application ACKs that MSH-16 asks for");
    AckTiming timing =
        in.ackTiming() == null
            ? AckTiming.AFTER_STORE
            : AckTiming.fromWire(in.ackTiming()).orElse(null);
    checks.check(timing != null, "listener.ackTiming", "must be after-store or after-apply");
    String charset = checks.text("listener.charset", in.charset(), 40);
    checks.check(
        charset == null || knownCharset(charset),
        "listener.charset",
        "must be an HL7 (MSH-18) or Java charset name");
    int maxFrame = orDefault(in.maxFrameSize(), ListenerSettings.DEFAULT_MAX_FRAME_SIZE);
    checks.check(
        maxFrame >= 1024 && maxFrame <= 64 * 1024 * 1024,
        "listener.maxFrameSize",
        "must be between 1024 and 67108864 bytes");
    long receive =
        millis(in.receiveTimeoutMillis(), 15_000, 1, HOUR, "listener.receiveTimeoutMillis", checks);
    long read =
        millis(in.readTimeoutMillis(), 5_000, 1, HOUR, "listener.readTimeoutMillis", checks);
    long idle =
        millis(
            in.idleTimeoutMillis(), 1_800_000, 0, 24 * HOUR, "listener.idleTimeoutMillis", checks);
    long apply =
        millis(in.applyTimeoutMillis(), 10_000, 1, 300_000, "listener.applyTimeoutMillis", checks);
    TlsSettings tls = tls(in.tls(), "listener.tls", true, checks);
    return new ListenerSettings(
        bind,
        port == null ? 0 : port,
        tls,
        allowlist,
        mode,
        timing,
        charset,
        maxFrame,
        receive,
        read,
        idle,
        apply,
        in.replySenderId());
  }

  private static SenderSettings sender(InterfaceInput.Sender in, FieldChecks checks) {
    String host = checks.requiredText("sender.host", in.host(), 255);
    Integer port = checks.required("sender.port", in.port());
    checks.check(
        port == null || (port >= 1 && port <= 65535), "sender.port", "must be in 1..65535");
    long connect =
        millis(
            in.connectTimeoutMillis(), 10_000, 1, 600_000, "sender.connectTimeoutMillis", checks);
    long ack = millis(in.ackTimeoutMillis(), 30_000, 1, 600_000, "sender.ackTimeoutMillis", checks);
    RetrySettings retry = retry(in.retry(), checks);
    List<String> types = new ArrayList<>();
    List<String> given = in.messageTypes() == null ? List.of("SIU") : in.messageTypes();
    for (int i = 0; i < given.size(); i++) {
      String t = given.get(i) == null ? "" : given.get(i).strip().toUpperCase(Locale.ROOT);
      checks.check(
          MESSAGE_TYPE.matcher(t).matches(),
          "sender.messageTypes[" + i + "]",
          "must be a message type such as SIU");
      types.add(t);
    }
    TlsSettings tls = tls(in.tls(), "sender.tls", false, checks);
    return new SenderSettings(
        host, port == null ? 0 : port, tls, connect, ack, retry, List.copyOf(types));
  }

  private static RetrySettings retry(InterfaceInput.Retry in, FieldChecks checks) {
    if (in == null) {
      return RetrySettings.DEFAULTS;
    }
    RetrySettings d = RetrySettings.DEFAULTS;
    int attempts = orDefault(in.maxAttempts(), d.maxAttempts());
    checks.check(attempts >= 1 && attempts <= 100, "sender.retry.maxAttempts", "must be in 1..100");
    long initial =
        millis(
            in.initialBackoffMillis(),
            d.initialBackoffMillis(),
            0,
            24 * HOUR,
            "sender.retry.initialBackoffMillis",
            checks);
    double multiplier = in.multiplier() == null ? d.multiplier() : in.multiplier();
    checks.check(
        multiplier >= 1 && multiplier <= 10, "sender.retry.multiplier", "must be in 1..10");
    long max =
        millis(
            in.maxBackoffMillis(),
            Math.max(d.maxBackoffMillis(), initial),
            0,
            24 * HOUR,
            "sender.retry.maxBackoffMillis",
            checks);
    checks.check(
        max >= initial, "sender.retry.maxBackoffMillis", "must be at least initialBackoffMillis");
    return new RetrySettings(attempts, initial, multiplier, max);
  }

  private static TlsSettings tls(
      InterfaceInput.Tls in, String field, boolean listener, FieldChecks checks) {
    if (in == null || !Boolean.TRUE.equals(in.enabled())) {
      return TlsSettings.OFF;
    }
    String path = checks.requiredText(field + ".keystorePath", in.keystorePath(), 1024);
    if (path != null && !readableFile(path)) {
      checks.problem(field + ".keystorePath", "must name a readable key store file on the server");
    }
    String clientAuth =
        in.clientAuth() == null ? "none" : in.clientAuth().strip().toLowerCase(Locale.ROOT);
    if (listener) {
      checks.check(
          CLIENT_AUTH.contains(clientAuth),
          field + ".clientAuth",
          "must be none, optional or required");
    } else {
      checks.check(clientAuth.equals("none"), field + ".clientAuth", "applies to listeners only");
    }
    boolean verify = in.verifyHostname() == null || in.verifyHostname();
    return new TlsSettings(true, path, false, clientAuth, verify);
  }

  private static PasswordChange password(InterfaceInput.Tls tls) {
    if (tls == null || tls.keystorePassword() == null) {
      return PasswordChange.KEEP;
    }
    return new PasswordChange(
        false, tls.keystorePassword().isEmpty() ? null : tls.keystorePassword());
  }

  private static List<String> allowlist(List<String> entries, FieldChecks checks) {
    if (entries == null) {
      return null;
    }
    List<String> clean = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i) == null ? "" : entries.get(i).strip();
      try {
        IpAllowlist.of(entry);
        clean.add(entry);
      } catch (IllegalArgumentException e) {
        checks.problem("listener.allowlist[" + i + "]", "must be an IP address or CIDR block");
      }
    }
    return clean;
  }

  static boolean knownCharset(String name) {
    if (Hl7Charset.forName(name).isPresent()) {
      return true;
    }
    try {
      return Charset.isSupported(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean readableFile(String path) {
    try {
      Path p = Path.of(path);
      return Files.isRegularFile(p) && Files.isReadable(p);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static long millis(
      Long value, long fallback, long min, long max, String field, FieldChecks checks) {
    long v = value == null ? fallback : value;
    checks.check(v >= min && v <= max, field, "must be between " + min + " and " + max + " ms");
    return v;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
