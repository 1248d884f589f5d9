package com.practicestudio.hl7;

import com.practicestudio.mllp.IpAllowlist;
import com.practicestudio.mllp.ListenerOptions;
import com.practicestudio.mllp.ListenerTls;
import com.practicestudio.mllp.MllpListener;
import com.practicestudio.security.crypto.Crypto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/** Builds and binds an {@link MllpListener} from a listener interface's settings. */
final class ListenerStarter {

  static final String PASSWORD_CONTEXT = "hl7_interface.keystore_password";
  private static final Duration MIN_HANDLER_TIMEOUT = Duration.ofSeconds(30);

  private final Crypto crypto;
  private final Hl7Metrics metrics;
  private final Function<Hl7Interface, InboundReceiver> receivers;

  ListenerStarter(
      Crypto crypto, Hl7Metrics metrics, Function<Hl7Interface, InboundReceiver> receivers) {
    this.crypto = crypto;
    this.metrics = metrics;
    this.receivers = receivers;
  }

  /** Why a listener could not start: a stable code and a reason without secrets. */
  static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final Hl7InterfaceError error;

    StartFailure(Hl7InterfaceError error, String reason) {
      super(reason);
      this.error = error;
    }

    Hl7InterfaceError error() {
      return error;
    }
  }

  MllpListener start(Hl7Interface itf, byte[] sealedPassword) throws StartFailure {
    ListenerSettings s = itf.listener();
    InboundReceiver receiver = receivers.apply(itf);
    MllpListener.Builder builder =
        MllpListener.builder()
            .name("hl7-" + itf.name())
            .bindAddress(address(s))
            .asyncHandler(receiver)
            .errorAnswer(receiver)
            .options(options(s))
            .events(metrics.events(itf.name()))
            .allowlist(
                s.allowlist() == null ? IpAllowlist.allowAll() : IpAllowlist.of(s.allowlist()));
    if (s.tls().enabled()) {
      builder.tls(
          new ListenerTls(
              tls(s.tls(), sealedPassword),
              ListenerTls.ClientAuth.valueOf(s.tls().clientAuth().toUpperCase(Locale.ROOT))));
    }
    MllpListener listener = builder.build();
    try {
      listener.start();
    } catch (IOException e) {
      throw new StartFailure(Hl7InterfaceError.LISTENER_FAILED, String.valueOf(e.getMessage()));
    }
    return listener;
  }

  javax.net.ssl.SSLContext tls(TlsSettings tls, byte[] sealedPassword) throws StartFailure {
    char[] password =
        sealedPassword == null
            ? new char[0]
            : crypto.openText(sealedPassword, PASSWORD_CONTEXT).toCharArray();
    try {
      return TlsContexts.load(tls.keystorePath(), password);
    } catch (TlsContexts.TlsSetupException e) {
      throw new StartFailure(Hl7InterfaceError.TLS_SETUP_FAILED, e.getMessage());
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  static ListenerOptions options(ListenerSettings s) {
    Duration apply = Duration.ofMillis(s.applyTimeoutMillis()).plusSeconds(5);
    return ListenerOptions.defaults()
        .withReceiveTimeout(Duration.ofMillis(s.receiveTimeoutMillis()))
        .withReadTimeout(Duration.ofMillis(s.readTimeoutMillis()))
        .withIdleTimeout(Duration.ofMillis(s.idleTimeoutMillis()))
        .withMaxFrameSize(s.maxFrameSize())
        .withHandlerTimeout(apply.compareTo(MIN_HANDLER_TIMEOUT) > 0 ? apply : MIN_HANDLER_TIMEOUT);
  }

  private static InetSocketAddress address(ListenerSettings s) throws StartFailure {
    if (s.bindAddress() == null) {
      return new InetSocketAddress(s.port());
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(s.bindAddress()), s.port());
    } catch (IOException e) {
      throw new StartFailure(Hl7InterfaceError.LISTENER_FAILED, "unknown bind address");
    }
  }
}
