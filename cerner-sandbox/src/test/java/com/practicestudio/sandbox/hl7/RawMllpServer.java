package com.practicestudio.sandbox.hl7;

import com.practicestudio.hl7v2.AckCode;
import com.practicestudio.hl7v2.Hl7Message;
import com.practicestudio.mllp.FrameSink;
import com.practicestudio.mllp.MllpCodec;
import com.practicestudio.mllp.MllpDecoder;
import com.practicestudio.mllp.MllpError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare TCP server for the misbehaviour tests: keeps every chunk each read returned (with its
 * time), decodes frames with the {@code mllp} decoder, answers each with an AA and notes how each
 * connection ended.
 */
final class RawMllpServer implements AutoCloseable {

  /** The bytes one read returned and when ({@link System#nanoTime()}). */
  record Chunk(byte[] bytes, long nanos) {}

  /** What one connection carried. */
  static final class Connection {
    final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    final List<byte[]> frames = new CopyOnWriteArrayList<>();
    volatile String end;

    byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      chunks.forEach(c -> all.writeBytes(c.bytes()));
      return all.toByteArray();
    }
  }

  private final ServerSocket server;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  RawMllpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "raw-mllp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Target target() {
    return Target.of("127.0.0.1", server.getLocalPort());
  }

  List<Connection> connections() {
    return new ArrayList<>(connections);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Connection connection = new Connection();
        connections.add(connection);
        Thread reader = new Thread(() -> serve(socket, connection), "raw-mllp-connection");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void serve(Socket socket, Connection connection) {
    MllpDecoder decoder = new MllpDecoder(1024 * 1024);
    byte[] buffer = new byte[64 * 1024];
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      FrameSink sink = answering(connection, out);
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        byte[] chunk = java.util.Arrays.copyOf(buffer, n);
        connection.chunks.add(new Chunk(chunk, System.nanoTime()));
        decoder.feed(chunk, sink);
      }
      connection.end = "eof";
    } catch (IOException e) {
      connection.end = "reset: " + e.getMessage();
    }
  }

  private static FrameSink answering(Connection connection, OutputStream out) {
    return new FrameSink() {
      @Override
      public void frame(byte[] payload) {
        connection.frames.add(payload);
        try {
          out.write(MllpCodec.encode(TestListener.ack(Hl7Message.parse(payload), AckCode.AA)));
          out.flush();
        } catch (IOException e) {
          // the connection is going away; the reader notes how
        }
      }

      @Override
      public void rejected(MllpError reason, byte[] content, long length) {}

      @Override
      public void discarded(MllpError reason, long bytes) {}
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
