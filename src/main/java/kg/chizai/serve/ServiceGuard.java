package kg.chizai.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.lib.Lib;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Which {@code SERVICE} calls the endpoint makes: by default none ({@code ARQ.httpServiceAllowed}
 * false and an executor registry that refuses every call), or, with {@code --allow-service HOST…},
 * calls to those hosts only, over http(s), with a literal IRI ({@code SERVICE ?var} is refused),
 * without following redirects (a named host cannot bounce the call elsewhere), and within the time
 * the query has left. A refusal is a {@code QueryDeniedException}, which the endpoint answers with
 * 400 before contacting anything.
 */
final class ServiceGuard implements ChainingServiceExecutor {

  private final Set<String> hosts;

  private ServiceGuard(Set<String> hosts) {
    this.hosts = hosts;
  }

  /** Puts the policy for {@code hosts} (empty: no SERVICE at all) into an endpoint's context. */
  static void install(Context context, Set<String> hosts, Duration timeout) {
    ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
    if (!hosts.isEmpty()) {
      registry.add(ServiceExecutorRegistry.httpService);
      context.set(
          Service.httpQueryClient,
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(timeout)
              .build());
      context.set(Service.httpQueryTimeout, timeout.toMillis());
    }
    registry.addSingleLink(new ServiceGuard(Set.copyOf(hosts)));
    ServiceExecutorRegistry.set(context, registry);
    context.set(ARQ.httpServiceAllowed, !hosts.isEmpty());
  }

  @Override
  public QueryIterator createExecution(
      OpService opExecute,
      OpService opOriginal,
      Binding binding,
      ExecutionContext execCxt,
      ServiceExecutor chain) {
    check(opOriginal.getService(), hosts);
    check(opExecute.getService(), hosts);
    String iri = opExecute.getService().getURI();
    Context cxt = execCxt.getContext().copy();
    Optional<Duration> left = Deadline.remaining();
    if (left.isPresent()) {
      if (left.get().toMillis() <= 0) {
        throw new QueryCancelledException();
      }
      cxt.set(Service.httpQueryTimeout, left.get().toMillis());
    }
    // The copied context holds the query's cancel signal too.
    ExecutionContext limited =
        ExecutionContext.create(execCxt.getDataset(), execCxt.getActiveGraph(), cxt);
    try {
      return chain.createExecution(opExecute, opOriginal, binding, limited);
    } catch (RuntimeException e) {
      if (Deadline.passed() || execCxt.getCancelSignal().get()) {
        // The call ran out of the query's time: a timeout, not a failure of the other service.
        throw new QueryCancelledException();
      }
      if (e instanceof QueryExceptionHTTP h) {
        // Whatever the other service answered (a redirect, an error), it is a bad gateway here:
        // its status is not passed on as this endpoint's own.
        throw new QueryExceptionHTTP(
            502,
            "SERVICE <"
                + iri
                + "> failed: "
                + (h.getStatusCode() > 0 ? "HTTP " + h.getStatusCode() : h.getMessage()),
            e);
      }
      throw e;
    }
  }

  /** Throws {@link QueryDeniedException} unless a call to {@code service} is allowed. */
  static void check(Node service, Set<String> hosts) {
    if (!service.isURI()) {
      throw denied("SERVICE with a variable is not allowed on this endpoint");
    }
    String iri = service.getURI();
    if (hosts.isEmpty()) {
      throw denied(
          "SERVICE <" + iri + ">: this endpoint calls no other service (see --allow-service)");
    }
    String host = host(iri);
    if (host == null || !hosts.contains(host)) {
      throw denied(
          "SERVICE <"
              + iri
              + ">: this endpoint calls only "
              + String.join(", ", hosts.stream().sorted().toList())
              + " (see --allow-service)");
    }
  }

  /** The lower-case host of an http(s) IRI, or null. */
  static String host(String iri) {
    try {
      URI u = new URI(iri);
      String scheme = Lib.lowercase(String.valueOf(u.getScheme()));
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        return null;
      }
      return u.getHost().toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static RuntimeException denied(String message) {
    return new QueryDeniedException(message);
  }
}
