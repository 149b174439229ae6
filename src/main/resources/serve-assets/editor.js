// chizai-kg query editor, on top of the YASGUI set up by chizai.js: results show IRIs with the
// dataset's prefixes, literals without their datatypes (YASR's compact table), and the dataset's
// things by their Japanese labels (looked up on this server's endpoint, one query per table); a
// link to the current query for sharing. Nothing here asks any other site.
(function () {
  "use strict";
  var el = document.getElementById("yasgui");
  var yasgui = window.yasgui;
  if (!el || !yasgui) return;

  var base = el.getAttribute("data-base") || "";
  var endpoint = new URL(el.getAttribute("data-endpoint"), window.location.href).href;
  var prefixes = {};
  try {
    prefixes = JSON.parse(el.getAttribute("data-prefixes") || "{}");
  } catch (e) {
    prefixes = {};
  }
  prefixes.id = base + "id/";
  // The tab merges these with the query's own prefixes when it draws a table.
  yasgui.config.yasr = yasgui.config.yasr || {};
  yasgui.config.yasr.prefixes = prefixes;

  var labels = {}; // IRI -> Japanese label ("" when it has none)
  var showLabels = true;

  function ours(iri) {
    return iri.indexOf(base) === 0 || iri.indexOf(prefixes.ckg || "\u0000") === 0;
  }

  function relabel(root) {
    var links = root.querySelectorAll("a.iri[href]");
    var missing = [];
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var iri = a.getAttribute("href");
      if (!ours(iri)) continue;
      if (!a.hasAttribute("data-iri-text")) a.setAttribute("data-iri-text", a.textContent);
      if (labels.hasOwnProperty(iri)) {
        var label = labels[iri];
        a.textContent = showLabels && label ? label : a.getAttribute("data-iri-text");
        a.title = a.getAttribute("data-iri-text");
      } else if (missing.indexOf(iri) < 0 && missing.length < 200) {
        missing.push(iri);
      }
    }
    if (missing.length) lookUp(missing, root);
  }

  function lookUp(iris, root) {
    iris.forEach(function (iri) { labels[iri] = ""; });
    var values = iris.map(function (iri) { return "<" + iri.replace(/[<>"{}|^`\\\s]/g, "") + ">"; });
    var query =
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" +
      "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" +
      "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { " + values.join(" ") + " }\n" +
      "  ?s rdfs:label|skos:prefLabel ?l FILTER (lang(?l) = \"ja\") } GROUP BY ?s";
    fetch(endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/sparql-results+json"
      },
      body: "query=" + encodeURIComponent(query)
    })
      .then(function (r) { return r.ok ? r.json() : { results: { bindings: [] } }; })
      .then(function (json) {
        json.results.bindings.forEach(function (b) {
          if (b.s && b.label) labels[b.s.value] = b.label.value;
        });
        relabel(root);
      })
      .catch(function () { /* labels stay IRIs */ });
  }

  function hook(tab) {
    if (!tab || tab.__chizai) return;
    var yasr = tab.getYasr && tab.getYasr();
    if (!yasr) return;
    tab.__chizai = true;
    // Compact table (no datatypes, no row numbers) unless the reader switched it off.
    var table = yasr.config.plugins && yasr.config.plugins.table;
    if (table) {
      var dyn = table.dynamicConfig || {};
      if (!dyn.hasOwnProperty("compact")) dyn.compact = true;
      table.dynamicConfig = dyn;
    }
    var root = yasr.rootEl || yasr.resultsEl;
    if (root && window.MutationObserver) {
      var pending = false;
      new MutationObserver(function () {
        if (pending) return;
        pending = true;
        window.setTimeout(function () { pending = false; relabel(root); }, 50);
      }).observe(root, { childList: true, subtree: true });
    }
    var yasqe = tab.getYasqe && tab.getYasqe();
    if (yasqe) {
      yasqe.on("change", share);
      share();
    }
  }

  function share() {
    var tab = yasgui.getTab();
    var link = document.getElementById("share-link");
    if (!tab || !link) return;
    var q = tab.getYasqe().getValue();
    link.href = "/?query=" + encodeURIComponent(q);
  }

  var toggle = document.createElement("label");
  toggle.className = "labels-toggle";
  var box = document.createElement("input");
  box.type = "checkbox";
  box.checked = true;
  box.id = "show-labels";
  toggle.appendChild(box);
  toggle.appendChild(document.createTextNode(" ラベルで表示 (show labels)"));
  el.parentNode.insertBefore(toggle, el);
  box.addEventListener("change", function () {
    showLabels = box.checked;
    var tab = yasgui.getTab();
    var yasr = tab && tab.getYasr();
    if (yasr && yasr.rootEl) relabel(yasr.rootEl);
  });

  // What YASGUI draws without a name or in the wrong place for assistive technology: the query's
  // text area, the endpoint box and the rows-per-page menu get labels, the editor's scrolling box
  // takes the focus, and the "+" (new tab) button, which a tab list may not hold, moves to just
  // after the list.
  function accessible() {
    var areas = el.querySelectorAll("textarea:not([aria-label])");
    for (var i = 0; i < areas.length; i++) areas[i].setAttribute("aria-label", "SPARQL クエリ query");
    var inputs = el.querySelectorAll("input.autocomplete:not([aria-label])");
    for (var j = 0; j < inputs.length; j++) inputs[j].setAttribute("aria-label", "エンドポイント endpoint");
    var sizers = el.querySelectorAll("select.tableSizer:not([aria-label])");
    for (var m = 0; m < sizers.length; m++) sizers[m].setAttribute("aria-label", "表示件数 rows per page");
    // A long query scrolls inside the editor: the scrolling box (CodeMirror gives it tabindex -1)
    // must take the keyboard focus.
    var scrolls = el.querySelectorAll(".CodeMirror-scroll:not([tabindex=\"0\"])");
    for (var n = 0; n < scrolls.length; n++) scrolls[n].setAttribute("tabindex", "0");
    var lists = el.querySelectorAll(".tabsList");
    for (var k = 0; k < lists.length; k++) {
      var add = lists[k].querySelector("button.addTab");
      if (add) lists[k].parentNode.insertBefore(add, lists[k].nextSibling);
    }
  }
  accessible();
  if (window.MutationObserver) {
    var again = false;
    new MutationObserver(function () {
      if (again) return;
      again = true;
      window.setTimeout(function () { again = false; accessible(); }, 0);
    }).observe(el, { childList: true, subtree: true });
  }

  hook(yasgui.getTab());
  yasgui.on("tabSelect", function (y, id) { window.setTimeout(function () { hook(yasgui.getTab(id)); }, 0); });
  yasgui.on("tabAdd", function (y, id) { window.setTimeout(function () { hook(yasgui.getTab(id)); }, 0); });
  yasgui.on("query", function (y, tab) { hook(tab); });
})();
