package io.github.pyrelease.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose, one scripted behaviour per connection: it
 * can cut the connection with a TCP reset halfway through a request body, which a well-behaved
 * server such as MockWebServer only approximates.
 */
final class FaultyIndex implements AutoCloseable {

  /** What to do with one connection's request. */
  sealed interface Behaviour permits ResetMidBody, Answer {}

  /** Read half the body, then reset the connection (RST, not FIN). */
  record ResetMidBody() implements Behaviour {}

  /** Read the whole request, then answer with {@code statusLine} and {@code body}. */
  record Answer(String statusLine, String body) implements Behaviour {}

  /**
   * One request as received.
   *
   * @param head the request line and headers
   * @param body the body bytes read (all of them, or what came before the reset)
   * @param contentLength the Content-Length announced
   */
  record Received(String head, byte[] body, long contentLength) {}

  private final ServerSocket socket;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Thread thread;

  FaultyIndex(List<Behaviour> script) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              for (Behaviour behaviour : script) {
                try (Socket connection = socket.accept()) {
                  serve(connection, behaviour);
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "faulty-index");
    thread.setDaemon(true);
    thread.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  List<Received> received() {
    return received;
  }

  private void serve(Socket connection, Behaviour behaviour) throws IOException {
    InputStream in = connection.getInputStream();
    String head = readHead(in);
    long length = contentLength(head);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long wanted = behaviour instanceof ResetMidBody ? length / 2 : length;
    byte[] buffer = new byte[65536];
    while (body.size() < wanted) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - body.size()));
      if (n < 0) {
        break;
      }
      body.write(buffer, 0, n);
    }
    received.add(new Received(head, body.toByteArray(), length));
    if (behaviour instanceof Answer answer) {
      byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
      OutputStream out = connection.getOutputStream();
      out.write(
          (answer.statusLine()
                  + "\r\nContent-Length: "
                  + text.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(text);
      out.flush();
    } else {
      connection.setSoLinger(true, 0); // close with a reset
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the headers");
      }
      head.write(b);
      state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
