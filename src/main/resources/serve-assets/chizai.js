// chizai-kg landing page: the YASGUI query editor, pointed at this server's endpoint, and links to
// the dataset's IRIs resolved on this server (so query results are browsable offline).
(function () {
  "use strict";
  var el = document.getElementById("yasgui");
  var base = el ? el.getAttribute("data-base") : null;

  // A click on a link to base + "id/..." opens /id/... here.
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
    if (!a || !base) return;
    var href = a.getAttribute("href");
    if (!href || href.indexOf(base) !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    var local = "/" + href.substring(base.length);
    if (e.ctrlKey || e.metaKey || e.shiftKey) window.open(local, "_blank");
    else window.location.assign(local);
  }, true);

  if (!el || typeof Yasgui === "undefined") return;
  // No third-party requests: the class and property completers ask lov.linkeddata.es, so only the
  // prefix completer (fed from this server, below) and the variable completer stay on. YASGUI
  // merges a configured list with its defaults, so the defaults themselves are trimmed.
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  completers.splice(0, completers.length, "prefixes", "variables");
  var endpoint = new URL(el.getAttribute("data-endpoint"), window.location.href).href;
  window.yasgui = new Yasgui(el, {
    autofocus: false,
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    // Prefixes for the completer come from this server's data, not from prefix.cc.
    yasqe: {
      value: el.getAttribute("data-query") || "",
      prefixCcApi: new URL("/assets/prefixes.json", window.location.href).href,
    },
    persistencyExpire: 60 * 60 * 24,
  });
  if (new URLSearchParams(window.location.search).has("query")) {
    document.getElementById("editor").scrollIntoView();
  }
})();
