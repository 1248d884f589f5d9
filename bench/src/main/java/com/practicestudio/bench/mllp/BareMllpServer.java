package com.practicestudio.bench.mllp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Baseline (a), the limit: the least a Java MLLP server can do — a thread per connection reads
 * frames, finds MSH-10 and writes an AA back, storing nothing and parsing nothing else. Run: {@code
 * java -cp bench/target/benchmarks.jar com.practicestudio.bench.mllp.BareMllpServer <port>}.
 */
public final class BareMllpServer {

  private BareMllpServer() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket server = new ServerSocket(port, 512)) {
      System.out.println("bare MLLP server on " + server.getLocalPort());
      while (true) {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(socket), "bare-" + socket.getPort());
        t.setDaemon(true);
        t.start();
      }
    }
  }

  private static void serve(Socket socket) {
    byte[] frame = new byte[1 << 16];
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
      int length = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (b == 0x0B) {
          length = 0;
        } else if (b == 0x1C) {
          in.read();
          out.write(ack(frame, length));
          if (in.available() == 0) {
            out.flush();
          }
        } else if (length < frame.length) {
          frame[length++] = (byte) b;
        }
      }
    } catch (IOException e) {
      // peer gone
    }
  }

  /** A framed AA whose MSA-2 is the message's MSH-10 (the 9th field separator after MSH). */
  static byte[] ack(byte[] message, int length) {
    int field = 0;
    int start = -1;
    int end = -1;
    for (int i = 3; i < length && message[i] != '\r'; i++) {
      if (message[i] == '|') {
        field++;
        if (field == 9) {
          start = i + 1;
        } else if (field == 10) {
          end = i;
          break;
        }
      }
    }
    String id =
        start < 0 || end < 0
            ? ""
            : new String(message, start, end - start, StandardCharsets.US_ASCII);
    String ack =
        "\u000bMSH|^~\\&|PS|CLINIC|CERNER|HOSP|20261125103000||ACK^A04^ACK|A"
            + id
            + "|P|2.5.1\rMSA|AA|"
            + id
            + "\r\u001c\r";
    return ack.getBytes(StandardCharsets.US_ASCII);
  }
}
