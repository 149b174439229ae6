package kg.chizai.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door every request passes before a servlet sees it (a Jetty core handler, so that waiting
 * holds no thread):
 *
 * <ol>
 *   <li>A request body is read in full, without a thread while the bytes are on their way, before
 *       anything else happens: one larger than {@link Limits#maxRequestBytes()} is refused with 413
 *       (at once when its {@code Content-Length} says so), one that has not arrived within {@link
 *       Limits#readTimeout()} with 408. A slow sender therefore holds a connection, never a worker
 *       thread or a query turn.
 *   <li>SPARQL, search and Graph Store requests then wait for a turn ({@link Admission}): at most
 *       {@link Limits#maxQueries()} run at once, {@link Limits#maxQueriesPerClient()} of them for
 *       one client address; the others wait without a thread, and are refused with 503 and {@code
 *       Retry-After} when the queue is full or no turn came within {@link Limits#queueTimeout()}.
 *       Pages, assets and the service description never wait for queries. A waiting request whose
 *       client closes its connection leaves the line without running (noticed as it happens, and
 *       asked again when its turn comes); a running SPARQL query whose client goes is cancelled
 *       ({@link ClientPresence}, {@link LimitedQuery}).
 * </ol>
 */
final class RequestGate extends Handler.Wrapper {

  /** Paths whose requests run queries and so take a turn. */
  static final List<String> HEAVY_PATHS =
      List.of(Site.SPARQL_PATH, Site.SEARCH_PATH, Site.DATA_PATH);

  private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);

  private final Limits limits;
  private volatile Admission admission;
  private volatile ClientPresence presence;

  RequestGate(Limits limits) {
    this.limits = limits;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    presence = ClientPresence.open(getServer().getThreadPool());
    Scheduler scheduler = getServer().getScheduler();
    admission =
        new Admission(
            limits.maxQueries(),
            limits.maxQueriesPerClient(),
            limits.maxQueued(),
            limits.queueTimeout(),
            scheduler);
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    ClientPresence p = presence;
    if (p != null) {
      p.close();
    }
  }

  /** Requests running now and waiting now (for tests and diagnostics). */
  int[] load() {
    Admission a = admission;
    return a == null ? new int[2] : new int[] {a.running(), a.waiting()};
  }

  /** Waiting requests dropped so far, without running, because their client had gone. */
  long dropped() {
    Admission a = admission;
    return a == null ? 0 : a.dropped();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler next = getHandler();
    if (next == null) {
      return false;
    }
    long declared = -1;
    boolean body = false;
    for (HttpField f : request.getHeaders()) {
      if (f.getHeader() == HttpHeader.CONTENT_LENGTH) {
        declared = f.getLongValue();
        body = declared > 0;
      } else if (f.getHeader() == HttpHeader.TRANSFER_ENCODING
          && f.contains(HttpHeaderValue.CHUNKED.asString())) {
        body = true;
      }
    }
    if (declared > limits.maxRequestBytes()) {
      refuseTooLarge(request, response, callback, declared);
      return true;
    }
    if (!body) {
      admit(request, response, callback);
      return true;
    }
    new BodyReader(request, response, callback).start();
    return true;
  }

  private void refuseTooLarge(Request request, Response response, Callback callback, long size) {
    plain(
        response,
        callback,
        413,
        "request too large: "
            + (size >= 0 ? size + " bytes" : "more than " + limits.maxRequestBytes() + " bytes")
            + "; this server accepts at most "
            + limits.maxRequestBytes()
            + " bytes (--max-request-bytes)",
        true);
  }

  /** Passes the request on, after waiting for a turn if it runs queries. */
  private void admit(Request request, Response response, Callback callback) {
    // A connection on which nothing moves while the request waits for a turn or its query runs is
    // not idle: both are bounded (--queue-timeout, --timeout). A stalled read or write still ends
    // at the idle timeout, which Jetty delivers to the pending operation, not to this listener.
    request.addIdleTimeoutListener(x -> false);
    String path = Request.getPathInContext(request);
    if (!heavy(path)) {
      dispatch(request, response, callback, () -> {});
      return;
    }
    String client = client(request);
    // Watched from now until the request is done: while it waits, a client that goes takes its
    // request out of the line; while it runs, its query is cancelled (LimitedQuery).
    ClientPresence.Watch watch = presence.watch(request);
    request.setAttribute(ClientPresence.ATTRIBUTE, watch);
    Admission.Place place =
        admission.enter(
            client,
            () -> presence.gone(request),
            ticket ->
                request
                    .getContext()
                    .execute(
                        () ->
                            dispatch(
                                request,
                                response,
                                callback,
                                () -> {
                                  watch.close();
                                  ticket.release();
                                })),
            refusal -> {
              watch.close();
              if (refusal == Admission.Refusal.GONE) {
                LOG.debug(
                    "{} {} from {}: client gone while waiting, not run",
                    request.getMethod(),
                    path,
                    client);
                // Nobody reads an answer: the connection is closed and the request ends as failed.
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new EofException("client gone while waiting for a turn"));
                return;
              }
              response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
              plain(
                  response,
                  callback,
                  503,
                  refusal == Admission.Refusal.QUEUE_FULL
                      ? "server busy: too many queries are waiting (--max-queued "
                          + limits.maxQueued()
                          + "); try again in a few seconds"
                      : "server busy: no query slot came free within "
                          + limits.queueTimeout().toSeconds()
                          + " s (--queue-timeout); try again in a few seconds",
                  false);
            });
    watch.onGone(place::leave);
  }

  private void dispatch(Request request, Response response, Callback callback, Runnable done) {
    Callback finish =
        new Callback() {
          @Override
          public void succeeded() {
            done.run();
            callback.succeeded();
          }

          @Override
          public void failed(Throwable x) {
            done.run();
            callback.failed(x);
          }

          @Override
          public InvocationType getInvocationType() {
            return callback.getInvocationType();
          }
        };
    try {
      if (!getHandler().handle(request, response, finish)) {
        Response.writeError(request, response, finish, 404);
      }
    } catch (Throwable x) {
      Response.writeError(request, response, finish, x);
    }
  }

  static boolean heavy(String path) {
    for (String p : HEAVY_PATHS) {
      if (path.equals(p) || path.startsWith(p + "/")) {
        return true;
      }
    }
    return false;
  }

  /** The client's address: the connection's, or the right-most value of the trusted header. */
  String client(Request request) {
    if (limits.clientHeader().isPresent()) {
      String value = null;
      for (HttpField f : request.getHeaders()) {
        if (f.getName().equalsIgnoreCase(limits.clientHeader().get())) {
          value = f.getValue();
        }
      }
      if (value != null && !value.isBlank()) {
        int comma = value.lastIndexOf(',');
        return (comma >= 0 ? value.substring(comma + 1) : value).strip().toLowerCase(Locale.ROOT);
      }
    }
    return Request.getRemoteAddr(request);
  }

  static void plain(
      Response response, Callback callback, int status, String message, boolean close) {
    byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    if (close) {
      // The rest of the body will not be read: the connection cannot be reused.
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Reads a request body into memory without holding a thread while waiting for bytes. */
  private final class BodyReader {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile boolean timedOut;
    private Scheduler.Task timer;

    BodyReader(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void start() {
      timer =
          getServer()
              .getScheduler()
              .schedule(
                  () -> {
                    timedOut = true;
                    request.fail(new TimeoutException("request body too slow"));
                  },
                  limits.readTimeout().toMillis(),
                  TimeUnit.MILLISECONDS);
      read();
    }

    private void read() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::read);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          Throwable x = chunk.getFailure();
          chunk.release();
          if (timedOut || x instanceof TimeoutException) {
            end();
            plain(
                response,
                callback,
                408,
                "request body not received within "
                    + limits.readTimeout().toSeconds()
                    + " s (--read-timeout)",
                true);
          } else {
            end();
            callback.failed(x);
          }
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        if (bytes.size() + (long) b.remaining() > limits.maxRequestBytes()) {
          chunk.release();
          end();
          refuseTooLarge(request, response, callback, -1);
          return;
        }
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        bytes.write(copy, 0, copy.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          end();
          admit(new BufferedRequest(request, bytes.toByteArray()), response, callback);
          return;
        }
      }
    }

    private void end() {
      if (over.compareAndSet(false, true) && timer != null) {
        timer.cancel();
      }
    }
  }

  /** The request with its body already in memory. */
  private static final class BufferedRequest extends Request.Wrapper {
    private final long length;
    private final AtomicReference<Content.Chunk> chunk;

    BufferedRequest(Request wrapped, byte[] body) {
      super(wrapped);
      this.length = body.length;
      this.chunk = new AtomicReference<>(Content.Chunk.from(ByteBuffer.wrap(body), true));
    }

    @Override
    public long getLength() {
      return length;
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk c = chunk.getAndSet(null);
      return c == null ? Content.Chunk.EOF : c;
    }

    @Override
    public boolean consumeAvailable() {
      chunk.set(null);
      return true;
    }

    @Override
    public void demand(Runnable demandCallback) {
      // Everything is here: the content is always available.
      getContext().execute(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
      chunk.set(null);
    }
  }
}
