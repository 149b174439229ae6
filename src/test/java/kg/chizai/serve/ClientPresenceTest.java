package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the socket of a connection says about its client, on the loopback interface. */
class ClientPresenceTest {

  ClientPresence presence;
  ServerSocketChannel server;

  @BeforeEach
  void open() throws IOException {
    presence = ClientPresence.open(Runnable::run);
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void close() throws IOException {
    presence.close();
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "idle, false",
    "sentMore, false",
    "closed, true",
    "shutDownOutput, true",
    "reset, true",
    "sentMoreThenClosed, false"
  })
  void gone_whatTheClientDid(String what, boolean gone) throws Exception {
    try (Socket client =
            new Socket(server.socket().getInetAddress(), server.socket().getLocalPort());
        SocketChannel channel = server.accept()) {
      channel.configureBlocking(false);
      switch (what) {
        case "sentMore" -> client.getOutputStream().write(new byte[] {'G'});
        case "closed" -> client.close();
        case "shutDownOutput" -> client.shutdownOutput();
        case "reset" -> {
          client.setSoLinger(true, 0);
          client.close();
        }
        case "sentMoreThenClosed" -> {
          client.getOutputStream().write(new byte[] {'G'});
          client.close();
        }
        default -> {}
      }
      // The loopback delivers at once; asked again for up to 5 s rather than after a sleep.
      boolean seen = presence.gone(channel);
      for (long end = System.nanoTime() + 5_000_000_000L;
          seen != gone && System.nanoTime() < end;
          seen = presence.gone(channel)) {
        Thread.sleep(10);
      }
      assertEquals(gone, seen, what);
      // Asking takes nothing from the connection: asked again, the same answer, bytes still there.
      assertEquals(gone, presence.gone(channel), what + ", asked again");
      if (what.startsWith("sentMore")) {
        assertEquals(1, channel.socket().getInputStream().available(), "the byte sent is kept");
      }
    }
  }
}
