package kg.chizai.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Whether the client of a request is still connected, asked without reading from its connection.
 *
 * <p>Jetty does not notice that a client has closed its connection while a request is being handled
 * and nothing is read or written: it reads a connection only when a handler asks for content, so
 * its {@link EndPoint#isOpen()} stays true. The socket itself knows: after the client's FIN (or
 * RST) it is readable with nothing to read. This class asks the socket just that, with a selector
 * of its own (no bytes are taken from Jetty, so a request pipelined behind this one is kept):
 * readable and no byte available means gone. A client that only shut down its sending side looks
 * the same and counts as gone too, as with nginx (499); a client that sent more bytes counts as
 * present.
 *
 * <pre>{@code
 * try (ClientPresence presence = ClientPresence.open()) {
 *   if (presence.gone(request)) { … }
 * }
 * }</pre>
 */
final class ClientPresence implements AutoCloseable {

  private final Selector selector;

  private ClientPresence(Selector selector) {
    this.selector = selector;
  }

  static ClientPresence open() {
    try {
      return new ClientPresence(Selector.open());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
  }

  /** True when the request's client has closed its connection (or its sending side). */
  boolean gone(Request request) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (!endPoint.isOpen()) {
      return true;
    }
    // Other transports (a test's local connector, TLS wrappers) are not asked: present.
    return endPoint.getTransport() instanceof SocketChannel channel && gone(channel);
  }

  /** True when {@code channel} is readable with no byte to read: end of stream, or reset. */
  synchronized boolean gone(SocketChannel channel) {
    if (!channel.isOpen()) {
      return true;
    }
    try {
      if (!readable(channel)) {
        return false;
      }
      // Not closed: this stream's close() would close the channel.
      return channel.socket().getInputStream().available() == 0;
    } catch (IOException | RuntimeException e) {
      // Closed meanwhile (ClosedChannelException, CancelledKeyException, a reset): gone.
      return true;
    }
  }

  private boolean readable(SocketChannel channel) throws IOException {
    SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
    try {
      selector.selectNow();
      return selector.selectedKeys().remove(key);
    } finally {
      key.cancel();
      // Deregisters the channel now, so that it can be registered again and closed at once.
      selector.selectNow();
    }
  }

  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // nothing registered is left open by a selector
    }
  }
}
