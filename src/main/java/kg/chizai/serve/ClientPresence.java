package kg.chizai.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the client of a request is still connected, asked without reading from its connection: at
 * once ({@link #gone(Request)}), or watched while the request waits and runs ({@link
 * #watch(Request)}).
 *
 * <p>Jetty does not notice that a client has closed its connection while a request is being handled
 * and nothing is read or written: it reads a connection only when a handler asks for content, so
 * its {@link EndPoint#isOpen()} stays true. The socket itself knows: after the client's FIN (or
 * RST) it is readable with nothing to read. This class asks the socket just that, with selectors of
 * its own (no bytes are taken from Jetty, so a request pipelined behind this one is kept): readable
 * and no byte available means gone. A client that only shut down its sending side looks the same
 * and counts as gone too, as with nginx (499); a client that sent more bytes counts as present (and
 * is no longer watched).
 *
 * <pre>{@code
 * ClientPresence presence = ClientPresence.open(executor);
 * ClientPresence.Watch watch = presence.watch(request);
 * watch.onGone(query::abort);   // runs on the executor, at once if the client has already gone
 * …
 * watch.close();                // the request is done
 * }</pre>
 */
final class ClientPresence implements AutoCloseable {

  /** The request attribute that holds the request's {@link Watch}. */
  static final String ATTRIBUTE = ClientPresence.class.getName() + ".watch";

  private static final Logger LOG = LoggerFactory.getLogger(ClientPresence.class);

  /** How often the watching thread wakes without news, to let go of closed connections. */
  private static final long WAKE_MILLIS = 1000;

  private final Selector probe;
  private final Selector watched;
  private final Executor executor;
  private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
  private final Thread thread;

  private ClientPresence(Selector probe, Selector watched, Executor executor) {
    this.probe = probe;
    this.watched = watched;
    this.executor = executor;
    this.thread = new Thread(this::watchLoop, "chizai-client-presence");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts watching; what happens when a client goes runs on {@code executor}. */
  static ClientPresence open(Executor executor) {
    Selector probe = null;
    try {
      probe = Selector.open();
      return new ClientPresence(probe, Selector.open(), executor);
    } catch (IOException e) {
      if (probe != null) {
        closeQuietly(probe);
      }
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
      SelectionKey key = channel.register(probe, SelectionKey.OP_READ);
      boolean readable;
      try {
        probe.selectNow();
        readable = probe.selectedKeys().remove(key);
      } finally {
        key.cancel();
        // Deregisters the channel now, so that it can be registered again and closed at once.
        probe.selectNow();
      }
      return readable && nothingToRead(channel);
    } catch (IOException e) {
      // Closed meanwhile (ClosedChannelException), or an error on the socket: gone.
      return true;
    } catch (RuntimeException e) {
      // Not a connection this class can ask (IllegalBlockingModeException): present.
      LOG.debug("cannot ask whether the client of {} is there: {}", channel, e.toString());
      return false;
    }
  }

  private static boolean nothingToRead(SocketChannel channel) throws IOException {
    // Not closed: this stream's close() would close the channel.
    return channel.socket().getInputStream().available() == 0;
  }

  /**
   * Watches the request's connection until {@link Watch#close()}: when its client goes, the actions
   * given to {@link Watch#onGone} run, once. A connection that is not a plain socket is never seen
   * to go.
   */
  Watch watch(Request request) {
    Watch w = new Watch();
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (endPoint.getTransport() instanceof SocketChannel channel) {
      change(() -> w.register(channel));
    }
    return w;
  }

  private void change(Runnable change) {
    changes.add(change);
    watched.wakeup();
  }

  private void watchLoop() {
    try {
      while (watched.isOpen()) {
        watched.select(WAKE_MILLIS);
        for (Iterator<SelectionKey> it = watched.selectedKeys().iterator(); it.hasNext(); ) {
          SelectionKey key = it.next();
          it.remove();
          Watch w = (Watch) key.attachment();
          // Told once: a client that sent more is present, and would keep the key ready.
          key.cancel();
          boolean gone;
          try {
            gone = nothingToRead((SocketChannel) key.channel());
          } catch (IOException e) {
            gone = true;
          }
          if (gone) {
            run(w::gone);
          }
        }
        for (Runnable c = changes.poll(); c != null; c = changes.poll()) {
          c.run();
        }
      }
    } catch (ClosedSelectorException e) {
      // closed: stop watching
    } catch (IOException | RuntimeException e) {
      LOG.warn("no longer watching for clients that go away: {}", e.toString());
    }
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RuntimeException e) {
      // The server is stopping (RejectedExecutionException): it cancels its queries itself.
      LOG.debug("not run: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closeQuietly(watched);
    synchronized (this) {
      closeQuietly(probe);
    }
  }

  private static void closeQuietly(Selector s) {
    try {
      s.close();
    } catch (IOException e) {
      // a selector holds nothing that outlives it
    }
  }

  /** One request's watch: what to do when its client goes. */
  final class Watch implements AutoCloseable {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean gone;
    private boolean closed;
    private SelectionKey key;

    private Watch() {}

    /**
     * Runs {@code action} (on the executor) when the client goes, or at once (on this thread) if it
     * already has; the returned runnable forgets it.
     */
    Runnable onGone(Runnable action) {
      synchronized (this) {
        if (!gone) {
          actions.add(action);
          return () -> forget(action);
        }
      }
      action.run();
      return () -> {};
    }

    private synchronized void forget(Runnable action) {
      actions.remove(action);
    }

    private void gone() {
      List<Runnable> run;
      synchronized (this) {
        if (gone || closed) {
          return;
        }
        gone = true;
        run = List.copyOf(actions);
        actions.clear();
      }
      for (Runnable a : run) {
        a.run();
      }
    }

    /** On the watching thread. */
    private void register(SocketChannel channel) {
      synchronized (this) {
        if (closed) {
          return;
        }
      }
      try {
        SelectionKey old = channel.keyFor(watched);
        if (old != null) {
          // The key of the connection's previous request, cancelled but not yet deregistered.
          old.cancel();
          watched.selectNow();
        }
        SelectionKey k = channel.register(watched, SelectionKey.OP_READ, this);
        synchronized (this) {
          if (closed) {
            k.cancel();
          } else {
            key = k;
          }
        }
      } catch (ClosedChannelException e) {
        // The connection closed before it was watched: its client is gone.
        run(this::gone);
      } catch (IOException | RuntimeException e) {
        // Not a connection this class can watch (IllegalBlockingModeException): never seen to go.
        LOG.debug("cannot watch the client of {}: {}", channel, e.toString());
      }
    }

    /** The request is done: no longer watched, its actions never run. */
    @Override
    public void close() {
      SelectionKey k;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        actions.clear();
        k = key;
      }
      if (k != null) {
        change(k::cancel);
      }
    }
  }
}
