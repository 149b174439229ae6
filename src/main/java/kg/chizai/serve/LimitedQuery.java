package kg.chizai.serve;

import java.time.Duration;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query processor with a cap on answer rows: a SELECT or CONSTRUCT without a LIMIT,
 * or with a larger one, gets {@code LIMIT maxRows}, and the response says so in {@value
 * #RESULT_LIMIT}. Every answer states the timeout in {@value #QUERY_TIMEOUT} (seconds); the timeout
 * itself is Fuseki's ({@code arq:queryTimeout} in the endpoint context).
 */
final class LimitedQuery extends SPARQL_QueryDataset {

  /** Response header present when the server capped the query: the LIMIT it applied. */
  static final String RESULT_LIMIT = "X-Result-Limit";

  /** Response header with the query timeout in seconds. */
  static final String QUERY_TIMEOUT = "X-Query-Timeout";

  private static final String EXPOSE = "Access-Control-Expose-Headers";

  private final long maxRows;
  private final String timeoutSeconds;

  LimitedQuery(long maxRows, Duration timeout) {
    this.maxRows = maxRows;
    this.timeoutSeconds = String.valueOf(timeout.toMillis() / 1000.0);
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    super.validateQuery(action, query);
    String exposed = action.getResponse().getHeader(EXPOSE);
    if (exposed != null) {
      // Fuseki's CORS filter has set its fixed list; scripts on other origins should see ours too.
      action.setResponseHeader(EXPOSE, exposed + "," + RESULT_LIMIT + "," + QUERY_TIMEOUT);
    }
    action.setResponseHeader(QUERY_TIMEOUT, timeoutSeconds);
    boolean capped =
        query.isSelectType()
            || query.isConstructType()
            || (query.isDescribeType() && query.getQueryPattern() != null);
    if (capped && (!query.hasLimit() || query.getLimit() > maxRows)) {
      query.setLimit(maxRows);
      action.setResponseHeader(RESULT_LIMIT, String.valueOf(maxRows));
    }
  }
}
