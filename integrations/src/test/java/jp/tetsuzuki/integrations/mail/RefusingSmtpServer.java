package jp.tetsuzuki.integrations.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that greets, then refuses every recipient with a permanent error naming the address, as a real
 * server does for a mailbox it does not know ({@code 550 5.1.1 <…>: Recipient address rejected}). Counts the
 * connections, i.e. the route's tries. Test code only: the other side of the route, on loopback.
 */
final class RefusingSmtpServer implements AutoCloseable {

  final AtomicInteger connections = new AtomicInteger();
  private final ServerSocket socket;
  private final Thread thread;

  RefusingSmtpServer() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "refusing-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        connections.incrementAndGet();
        client.setSoTimeout(5000);
        converse(client);
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private static void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
        StandardCharsets.US_ASCII));
    OutputStream out = client.getOutputStream();
    say(out, "220 refusing.example.lg.jp ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> say(out, "250 refusing.example.lg.jp");
        case "MAIL" -> say(out, "250 2.1.0 Ok");
        case "RCPT" -> say(out, "550 5.1.1 " + line.substring(line.indexOf(':') + 1).strip()
            + ": Recipient address rejected: User unknown");
        case "RSET", "NOOP" -> say(out, "250 2.0.0 Ok");
        case "QUIT" -> {
          say(out, "221 2.0.0 Bye");
          return;
        }
        default -> say(out, "502 5.5.2 Error: command not recognized");
      }
    }
  }

  private static void say(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
