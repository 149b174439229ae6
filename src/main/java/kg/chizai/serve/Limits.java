package kg.chizai.serve;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every limit of a {@link ChizaiServer}, with safe defaults for a public endpoint. The defaults are
 * constants so that the command line declares the same numbers; the README's "Limits" table lists
 * each one with its option.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().timeout(Duration.ofSeconds(10)).maxQueriesPerClient(2).build();
 * ChizaiServer.create().limits(limits)…
 * }</pre>
 *
 * @param timeout a query still running after this is stopped and answered with 503; clients may ask
 *     for less ({@code timeout=}), never more
 * @param maxRows most rows (solutions) of a SELECT or CONSTRUCT answer: a LIMIT is added or lowered
 * @param maxRequestBytes largest request body; a larger one is refused with 413 before it is read
 * @param maxQueryChars longest SPARQL query text; a longer one is refused with 413 before parsing
 * @param maxSearchWords most words in a {@code /search} request (400 beyond)
 * @param maxSearchChars longest {@code /search} request (400 beyond)
 * @param maxQueries most SPARQL, search and Graph Store requests running at once, server-wide
 * @param maxQueriesPerClient most of them running at once for one client address
 * @param maxQueued most requests waiting for their turn; beyond, 503 at once
 * @param queueTimeout longest wait for a turn; then 503 with {@code Retry-After}
 * @param clientHeader a header set by a trusted reverse proxy that names the client address
 *     (right-most value), e.g. {@code X-Forwarded-For}; empty: the connection's address
 * @param threads most worker threads
 * @param idleTimeout a connection on which nothing moves for this long is closed
 * @param readTimeout a request body must arrive within this (408 otherwise)
 * @param serviceHosts the hosts that {@code SERVICE} may call; empty: no {@code SERVICE} at all
 */
public record Limits(
    Duration timeout,
    int maxRows,
    long maxRequestBytes,
    int maxQueryChars,
    int maxSearchWords,
    int maxSearchChars,
    int maxQueries,
    int maxQueriesPerClient,
    int maxQueued,
    Duration queueTimeout,
    Optional<String> clientHeader,
    int threads,
    Duration idleTimeout,
    Duration readTimeout,
    Set<String> serviceHosts) {

  /** Default query timeout, seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  /** Default cap on the rows of an answer. */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  /** Default largest request body: 1 MiB (a 100,000-character Japanese query, form-encoded). */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1_048_576;

  /** Default longest query text, characters (parsed in about 0.2 s here). */
  public static final int DEFAULT_MAX_QUERY_CHARS = 100_000;

  /** Default most words of a search. */
  public static final int DEFAULT_MAX_SEARCH_WORDS = 32;

  /** Default longest search, characters. */
  public static final int DEFAULT_MAX_SEARCH_CHARS = 500;

  /**
   * Default most heavy requests (SPARQL, search, Graph Store) running at once: a bound on memory
   * and on how thinly the cores are shared (four per core on the two-core machine measured).
   */
  public static final int DEFAULT_MAX_QUERIES = 8;

  /** Default most heavy requests running at once for one client address. */
  public static final int DEFAULT_MAX_QUERIES_PER_CLIENT = 2;

  /** Default most heavy requests waiting for a turn. */
  public static final int DEFAULT_MAX_QUEUED = 256;

  /** Default longest wait for a turn, seconds. */
  public static final int DEFAULT_QUEUE_TIMEOUT_SECONDS = 30;

  /** Default most worker threads. */
  public static final int DEFAULT_THREADS = 64;

  /** Default idle timeout of a connection, seconds. */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;

  /** Default time a request body has to arrive in, seconds. */
  public static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;

  public Limits {
    positive("timeout", timeout);
    positive("queueTimeout", queueTimeout);
    positive("idleTimeout", idleTimeout);
    positive("readTimeout", readTimeout);
    atLeast("maxRows", maxRows, 1);
    atLeast("maxRequestBytes", maxRequestBytes, 1024);
    atLeast("maxQueryChars", maxQueryChars, 16);
    atLeast("maxSearchWords", maxSearchWords, 1);
    atLeast("maxSearchChars", maxSearchChars, 1);
    atLeast("maxQueries", maxQueries, 1);
    atLeast("maxQueriesPerClient", maxQueriesPerClient, 1);
    atLeast("maxQueued", maxQueued, 0);
    // Jetty needs a few threads of its own (acceptor, selectors) besides the workers.
    atLeast("threads", threads, 8);
    Objects.requireNonNull(clientHeader, "clientHeader");
    clientHeader.ifPresent(
        h -> {
          if (!h.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("clientHeader is not a header name: '" + h + "'");
          }
        });
    TreeSet<String> hosts = new TreeSet<>();
    for (String h : serviceHosts) {
      String host = h.strip().toLowerCase(Locale.ROOT);
      if (host.isEmpty() || !host.matches("[a-z0-9.:\\[\\]-]+")) {
        throw new IllegalArgumentException(
            "serviceHosts: '" + h + "' is not a host name (give a host, not a URL)");
      }
      hosts.add(host);
    }
    serviceHosts = Set.copyOf(hosts);
  }

  /** The defaults. */
  public static Limits defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.maxRows = maxRows;
    b.maxRequestBytes = maxRequestBytes;
    b.maxQueryChars = maxQueryChars;
    b.maxSearchWords = maxSearchWords;
    b.maxSearchChars = maxSearchChars;
    b.maxQueries = maxQueries;
    b.maxQueriesPerClient = maxQueriesPerClient;
    b.maxQueued = maxQueued;
    b.queueTimeout = queueTimeout;
    b.clientHeader = clientHeader;
    b.threads = threads;
    b.idleTimeout = idleTimeout;
    b.readTimeout = readTimeout;
    b.serviceHosts = serviceHosts;
    return b;
  }

  /** The effective timeout of a request that asked for {@code requested} (empty: none asked). */
  public Duration effectiveTimeout(Optional<Duration> requested) {
    return requested
        .filter(r -> !r.isNegative() && !r.isZero() && r.compareTo(timeout) < 0)
        .orElse(timeout);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
  }

  /** Builds {@link Limits}; every field starts at its default. */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private int maxRows = DEFAULT_MAX_ROWS;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int maxQueryChars = DEFAULT_MAX_QUERY_CHARS;
    private int maxSearchWords = DEFAULT_MAX_SEARCH_WORDS;
    private int maxSearchChars = DEFAULT_MAX_SEARCH_CHARS;
    private int maxQueries = DEFAULT_MAX_QUERIES;
    private int maxQueriesPerClient = DEFAULT_MAX_QUERIES_PER_CLIENT;
    private int maxQueued = DEFAULT_MAX_QUEUED;
    private Duration queueTimeout = Duration.ofSeconds(DEFAULT_QUEUE_TIMEOUT_SECONDS);
    private Optional<String> clientHeader = Optional.empty();
    private int threads = DEFAULT_THREADS;
    private Duration idleTimeout = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);
    private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
    private Set<String> serviceHosts = Set.of();

    private Builder() {}

    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    public Builder maxRows(int v) {
      maxRows = v;
      return this;
    }

    public Builder maxRequestBytes(long v) {
      maxRequestBytes = v;
      return this;
    }

    public Builder maxQueryChars(int v) {
      maxQueryChars = v;
      return this;
    }

    public Builder maxSearchWords(int v) {
      maxSearchWords = v;
      return this;
    }

    public Builder maxSearchChars(int v) {
      maxSearchChars = v;
      return this;
    }

    public Builder maxQueries(int v) {
      maxQueries = v;
      return this;
    }

    public Builder maxQueriesPerClient(int v) {
      maxQueriesPerClient = v;
      return this;
    }

    public Builder maxQueued(int v) {
      maxQueued = v;
      return this;
    }

    public Builder queueTimeout(Duration v) {
      queueTimeout = v;
      return this;
    }

    public Builder clientHeader(Optional<String> v) {
      clientHeader = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder idleTimeout(Duration v) {
      idleTimeout = v;
      return this;
    }

    public Builder readTimeout(Duration v) {
      readTimeout = v;
      return this;
    }

    public Builder serviceHosts(Set<String> v) {
      serviceHosts = Set.copyOf(v);
      return this;
    }

    public Limits build() {
      return new Limits(
          timeout,
          maxRows,
          maxRequestBytes,
          maxQueryChars,
          maxSearchWords,
          maxSearchChars,
          maxQueries,
          maxQueriesPerClient,
          maxQueued,
          queueTimeout,
          clientHeader,
          threads,
          idleTimeout,
          readTimeout,
          serviceHosts);
    }
  }
}
