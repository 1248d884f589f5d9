package com.practicestudio.ops.connectivity;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** DNS, TCP and TLS checks of one host, each failure classified by the troubleshooting table. */
final class NetworkProbe {

  /** What a TLS handshake agreed on. */
  record TlsSession(String protocol, Instant notAfter, String subject) {}

  private final ExecutorService lookups;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  NetworkProbe(ExecutorService lookups, Duration connectTimeout, Duration readTimeout) {
    this.lookups = lookups;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** The host's addresses; the lookup is bounded by the connect timeout. */
  List<InetAddress> resolve(String host) throws StepFailed {
    Future<InetAddress[]> lookup = lookups.submit(() -> InetAddress.getAllByName(host));
    try {
      return List.of(lookup.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw new StepFailed(Failure.DNS_TIMEOUT, "looking up " + host + " timed out");
    } catch (ExecutionException e) {
      throw new StepFailed(Failure.DNS_NXDOMAIN, "cannot resolve " + host + " (no such host)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailed(Failure.DNS_TIMEOUT, "interrupted");
    }
  }

  void connect(InetAddress address, String host, int port) throws StepFailed {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
    } catch (IOException e) {
      throw classify(e, host + ":" + port);
    }
  }

  /** A TLS handshake that checks the chain and host name, offering only TLS 1.2 and 1.3. */
  TlsSession handshake(InetAddress address, String host, int port) throws StepFailed {
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
      raw.setSoTimeout((int) readTimeout.toMillis());
      SSLContext context = SSLContext.getDefault();
      try (SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        X509Certificate leaf = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        return new TlsSession(
            tls.getSession().getProtocol(),
            leaf.getNotAfter().toInstant(),
            leaf.getSubjectX500Principal().getName());
      }
    } catch (NoSuchAlgorithmException e) {
      throw new StepFailed(Failure.TLS_HANDSHAKE, "no TLS support in this Java runtime");
    } catch (IOException e) {
      throw classify(e, host + ":" + port);
    }
  }

  /** The troubleshooting-table row for an I/O failure talking to {@code where}. */
  static StepFailed classify(IOException e, String where) {
    if (e instanceof UnknownHostException) {
      return new StepFailed(Failure.DNS_NXDOMAIN, "cannot resolve " + where);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new StepFailed(Failure.CONNECT_TIMEOUT, "connecting to " + where + " timed out");
    }
    if (e instanceof HttpTimeoutException) {
      return new StepFailed(Failure.READ_TIMEOUT, where + " did not answer in time");
    }
    if (e instanceof SocketTimeoutException) {
      String message = lower(e.getMessage());
      return message.contains("connect")
          ? new StepFailed(Failure.CONNECT_TIMEOUT, "connecting to " + where + " timed out")
          : new StepFailed(Failure.READ_TIMEOUT, where + " did not answer in time");
    }
    if (e instanceof NoRouteToHostException) {
      return new StepFailed(Failure.NETWORK_UNREACHABLE, "no route to " + where);
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return new StepFailed(Failure.CONNECTION_REFUSED, "connection refused by " + where);
    }
    if (e instanceof SSLException ssl) {
      return classifyTls(ssl, where);
    }
    if (e.getCause() instanceof SSLException ssl) {
      return classifyTls(ssl, where);
    }
    return new StepFailed(
        Failure.UNEXPECTED_ANSWER,
        "connection to " + where + " failed (" + e.getClass().getSimpleName() + ")");
  }

  static StepFailed classifyTls(SSLException e, String where) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return new StepFailed(
            Failure.TLS_CERT_EXPIRED, "the certificate of " + where + " is out of its dates");
      }
      String message = lower(t.getMessage());
      if (message.contains("no subject alternative") || message.contains("no name matching")) {
        return new StepFailed(
            Failure.TLS_HOSTNAME_MISMATCH, "the certificate of " + where + " names another host");
      }
      if (message.contains("pkix path") || message.contains("unable to find valid certification")) {
        return new StepFailed(
            Failure.TLS_UNTRUSTED, "the certificate chain of " + where + " is not trusted");
      }
      if (message.contains("protocol_version")
          || message.contains("no appropriate protocol")
          || message.contains("protocol is disabled")) {
        return new StepFailed(
            Failure.TLS_PROTOCOL, where + " offers no TLS 1.2 or 1.3 we would accept");
      }
    }
    return new StepFailed(Failure.TLS_HANDSHAKE, "the TLS handshake with " + where + " failed");
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
