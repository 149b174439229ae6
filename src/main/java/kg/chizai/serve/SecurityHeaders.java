package kg.chizai.serve;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers on every response, errors included: no content sniffing, no referrer sent to other sites,
 * and a Content-Security-Policy under which pages load scripts, styles, fonts and data only from
 * this server and cannot be framed by another site (the landing page, its YASGUI editor and the
 * linked-data pages need nothing else; a browser test checks that none is refused). Scripts run
 * only from files of this server; inline styles are allowed because YASGUI sets some (a hash would
 * break with its next version), and every text the pages print is escaped.
 */
final class SecurityHeaders extends Handler.Wrapper {

  /** The Content-Security-Policy of every response. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'self'";

  private static final HttpField[] FIELDS = {
    new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
    new PreEncodedHttpField("Content-Security-Policy", CSP),
    new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"),
  };

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable headers = response.getHeaders();
    for (HttpField f : FIELDS) {
      headers.put(f);
    }
    return super.handle(request, response, callback);
  }
}
