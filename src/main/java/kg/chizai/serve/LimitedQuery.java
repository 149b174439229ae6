package kg.chizai.serve;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's SPARQL query processor with the endpoint's limits:
 *
 * <ul>
 *   <li>a query text longer than {@link Limits#maxQueryChars()} is refused with 413 before parsing;
 *   <li>a SELECT or CONSTRUCT without a LIMIT, or with a larger one, gets {@code LIMIT maxRows},
 *       and the response says so in {@value #RESULT_LIMIT};
 *   <li>every answer states the effective timeout in {@value #QUERY_TIMEOUT} (seconds: the
 *       server's, or less when the client asked for less with {@code timeout=}); the query runs
 *       under a {@link Deadline} of that length, so guarded regular expressions stop with it;
 *   <li>an {@code Accept} that no result format of the query's form matches is refused with 406;
 *   <li>a refused {@code SERVICE} or a text search too large for the index is a 400 that says why;
 *   <li>a query whose client closes its connection is cancelled ({@link ClientPresence}).
 * </ul>
 */
final class LimitedQuery extends SPARQL_QueryDataset {

  /** Response header present when the server capped the query: the LIMIT it applied. */
  static final String RESULT_LIMIT = "X-Result-Limit";

  /** Response header with the effective query timeout in seconds. */
  static final String QUERY_TIMEOUT = "X-Query-Timeout";

  /** Request parameters with which a client picks the result format instead of {@code Accept}. */
  private static final List<String> FORMAT_PARAMS =
      List.of(
          HttpNames.paramAccept,
          HttpNames.paramOutput1,
          HttpNames.paramOutput2,
          HttpNames.paramOutput3,
          HttpNames.paramForceAccept);

  private final Limits limits;

  /** The queries running now, so that a stopping server can cancel them. */
  private final Set<QueryExec> running = ConcurrentHashMap.newKeySet();

  private static final ThreadLocal<QueryExec> CURRENT = new ThreadLocal<>();

  /** Forgets the current query's cancellation when its client goes. */
  private static final ThreadLocal<Runnable> FORGET = new ThreadLocal<>();

  LimitedQuery(Limits limits) {
    this.limits = limits;
  }

  /** Cancels every running query (each then ends at its next step, answered with 503). */
  void abortAll() {
    for (QueryExec q : running) {
      q.abort();
    }
  }

  @Override
  protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
    QueryExec q = super.createQueryExec(action, query, dataset);
    running.add(q);
    CURRENT.set(q);
    // Nobody would read the answer of a client that has gone: the query stops at its next step.
    if (action.getRequest().getAttribute(ClientPresence.ATTRIBUTE)
        instanceof ClientPresence.Watch watch) {
      FORGET.set(watch.onGone(q::abort));
    }
    return q;
  }

  @Override
  protected void execute(String queryString, HttpAction action) {
    if (queryString != null && queryString.length() > limits.maxQueryChars()) {
      ServletOps.error(
          413,
          "query too long: "
              + queryString.length()
              + " characters; this endpoint accepts at most "
              + limits.maxQueryChars()
              + " (--max-query-chars)");
    }
    Duration timeout = limits.effectiveTimeout(requestedTimeout(action));
    action.setResponseHeader(QUERY_TIMEOUT, seconds(timeout));
    try {
      Deadline.within(
          timeout,
          () -> {
            super.execute(queryString, action);
            return null;
          });
    } catch (QueryDeniedException e) {
      ServletOps.errorBadRequest(e.getMessage());
    } catch (ActionErrorException e) {
      String m = String.valueOf(e.getMessage());
      if (e.getRC() == 400
          && (m.contains("org.apache.lucene")
              || m.contains("TooManyClauses")
              || m.contains("maxClauseCount"))) {
        // A text:query the index cannot run: say so, not the index's own exception text.
        ServletOps.errorBadRequest(
            "text:query could not be run: too many search terms, or not a valid search");
      }
      throw e;
    } catch (TextIndexException e) {
      ServletOps.errorBadRequest(
          "text:query could not be run: the search is too large or malformed ("
              + e.getClass().getSimpleName()
              + ")");
    } catch (RuntimeException e) {
      if (isTooManyClauses(e)) {
        ServletOps.errorBadRequest(
            "text:query has too many search terms for the index; use fewer words");
      }
      throw e;
    } finally {
      QueryExec q = CURRENT.get();
      if (q != null) {
        running.remove(q);
        CURRENT.remove();
      }
      Runnable forget = FORGET.get();
      if (forget != null) {
        forget.run();
        FORGET.remove();
      }
    }
  }

  private static boolean isTooManyClauses(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().contains("TooManyClauses")) {
        return true;
      }
    }
    return false;
  }

  /** The overall timeout the client asked for with {@code timeout=} (Fuseki's syntax), if any. */
  private static Optional<Duration> requestedTimeout(HttpAction action) {
    String param = action.getRequestParameter(HttpNames.paramTimeout);
    if (param == null) {
      return Optional.empty();
    }
    Pair<Long, Long> p = Timeouts.parseTimeoutStr(param.strip(), TimeUnit.SECONDS);
    return p == null || p.getRight() <= 0
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(p.getRight()));
  }

  /** Seconds, as short as exact: {@code 1}, {@code 2.5}. */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    super.validateQuery(action, query);
    QueryGuards.checkServices(query, limits.serviceHosts());
    requireAcceptable(action, query);
    boolean capped =
        query.isSelectType()
            || query.isConstructType()
            || (query.isDescribeType() && query.getQueryPattern() != null);
    if (capped && (!query.hasLimit() || query.getLimit() > limits.maxRows())) {
      query.setLimit(limits.maxRows());
      action.setResponseHeader(RESULT_LIMIT, String.valueOf(limits.maxRows()));
    }
  }

  /** 406 when {@code Accept} names no format this query's answer can be written in. */
  private static void requireAcceptable(HttpAction action, Query query) {
    for (String p : FORMAT_PARAMS) {
      if (action.getRequestParameter(p) != null) {
        return;
      }
    }
    String accept = action.getRequestHeader(HttpNames.hAccept);
    if (accept == null || accept.isBlank()) {
      return;
    }
    AcceptList offer;
    if (query.isSelectType()) {
      offer = DEF.rsOfferTable;
    } else if (query.isAskType()) {
      offer = DEF.rsOfferBoolean;
    } else if (query.isConstructType()) {
      offer = DEF.constructOffer;
    } else if (query.isDescribeType()) {
      offer = DEF.rdfOffer;
    } else {
      offer = DEF.jsonOffer;
    }
    boolean ok;
    try {
      ok = AcceptList.match(new AcceptList(accept), offer) != null;
    } catch (RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      ServletOps.error(
          406,
          "not acceptable: "
              + accept
              + "; this query's answer is offered as "
              + offer.entries().stream().map(m -> m.getContentTypeStr()).distinct().toList());
    }
  }
}
