package kg.chizai.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Counts the requests a servlet is working on, so that stopping the server can refuse new ones and
 * wait for these to end (each is bounded by the query timeout) before Jetty stops its threads and
 * the store is closed: a store cannot be closed while a query still reads it, and a thread
 * interrupted inside TDB2's file channels would close them.
 */
final class InFlight implements Filter {

  private int running;
  private boolean stopping;

  /** From now on, new requests are answered 503. */
  synchronized void refuseNew() {
    stopping = true;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    synchronized (this) {
      if (stopping) {
        ((HttpServletResponse) response).setHeader("Connection", "close");
        LinkedDataServlet.plain((HttpServletResponse) response, 503, "server stopping");
        return;
      }
      running++;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      synchronized (this) {
        running--;
        notifyAll();
      }
    }
  }

  /** Waits until no request is being worked on, or {@code max} has passed; true if none is. */
  synchronized boolean awaitNone(Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (running > 0) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
