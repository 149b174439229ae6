package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import kg.chizai.testing.SmallReport;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in headless Chromium: the query editor runs a query, a result links to a direction's
 * page with its Japanese text and source lines, an example query runs in one click, and a literal
 * holding {@code <script>} shows as text. Without Chromium and chromedriver (or with {@code
 * -Dchromium.path=…} or {@code -Dchromedriver.path=…} naming a missing file), every test is
 * reported skipped, with the reason.
 */
class BrowserTest {

  static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("chromedriver.path", "/usr/bin/chromedriver"));

  /** A tiny report whose entry text carries markup that must never run. */
  static final String EVIL_REPORT =
      SmallReport.TEXT.replace(
          "【文化庁】 海賊版対策事業を実施した。",
          "【文化庁】 <script>window.__xss = 1; alert(1)</script>を含む海賊版対策事業を実施した。");

  @TempDir static Path dir;
  static ChizaiServer seed;
  static ChizaiServer evil;

  /** The seed with its release offered for download: the server whose views are checked. */
  static ChizaiServer views;

  static Dataset expected;
  static WebDriver driver;
  static WebDriverWait wait;

  static boolean browserInstalled() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  @BeforeAll
  static void start() throws Exception {
    if (!browserInstalled()) {
      return; // each test is reported skipped, by assumeBrowser()
    }
    expected = Seed.served();
    seed = Seed.server();
    Path evilSource = dir.resolve("evil.txt");
    Files.writeString(evilSource, EVIL_REPORT, StandardCharsets.UTF_8);
    assertTrue(Files.readString(evilSource).contains("<script>"), "the evil entry is in place");
    evil = TestServers.start(dir.resolve("evil"), List.of(evilSource));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    // The console, to see what the Content-Security-Policy refuses.
    // The console, to see what the Content-Security-Policy refuses; the network events, to see
    // every request a page makes.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    views = Seed.serverWithRelease();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @BeforeEach
  void assumeBrowser() {
    Assumptions.assumeTrue(
        browserInstalled(),
        () ->
            "no Chromium at "
                + CHROMIUM
                + " or no chromedriver at "
                + DRIVER
                + " (apt-get install chromium chromium-driver)");
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (evil != null) {
      evil.stop();
    }
  }

  @Test
  void landing_runQueryInEditor_followResultToDirectionPage() {
    driver.get(seed.url());
    wait.until(d -> js("return !!(window.yasgui && window.yasgui.getTab());"));
    String query =
        "PREFIX ckg: <"
            + CKG.NS
            + ">\nSELECT ?direction ?line WHERE {\n"
            + "  ?direction a ckg:Direction ; ckg:lineStart ?line .\n} ORDER BY ?line LIMIT 5";
    js("window.yasgui.getTab().getYasqe().setValue(arguments[0]);", query);
    driver.findElement(By.cssSelector(".yasqe_queryButton")).click();

    String prefix = Iris.DEFAULT_BASE + "id/report/2025-progress/direction/";
    WebElement link =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".yasr a[href^='" + prefix + "']")));
    String iri = link.getAttribute("href");
    js("arguments[0].scrollIntoView({block: 'center'});", link);
    // YASR shortens long IRIs with an ellipsis: click the visible start of the link.
    new Actions(driver)
        .moveToElement(link, -link.getSize().getWidth() / 2 + 5, 0)
        .click()
        .perform();

    wait.until(ExpectedConditions.urlContains("/id/report/2025-progress/direction/"));
    assertEquals(seed.url() + iri.substring(Iris.DEFAULT_BASE.length()), driver.getCurrentUrl());
    String text = expected.getUnionModel().getResource(iri).getProperty(CKG.sourceText).getString();
    String shown = driver.findElement(By.cssSelector("#source blockquote")).getText();
    assertEquals(text, shown);
    assertTrue(shown.codePoints().anyMatch(c -> c >= 0x3040), "Japanese text: " + shown);
    String lines = driver.findElement(By.cssSelector("p.where .lines")).getText();
    String start = expected.getUnionModel().getResource(iri).getProperty(CKG.lineStart).getString();
    assertTrue(lines.startsWith(start) && lines.contains("行目"), lines);
    assertTrue(driver.findElement(By.cssSelector("p.where a.sheet")).getText().startsWith("ページ"));
  }

  @Test
  void landing_exampleQuery_runsInOneClick() {
    driver.get(seed.url());
    WebElement example =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.example[data-name='entries-by-ministry']")));
    example.click();
    // The editor opens the query from the link and runs it: 文部科学省 counts 文化庁's entries.
    WebElement cell =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'yasr')]//td[contains(., '文部科学省')]")));
    assertFalse(cell.getText().isEmpty());
    assertTrue(
        (Boolean) js("return window.yasgui.getTab().getYasqe().getValue().includes('ministry');"));
  }

  @Test
  void page_literalWithScript_shownAsTextNotRun() {
    String entry = evil.url() + "id/report/2025-progress/entry/1-1";
    driver.get(evil.url() + "id/report/2025-progress/direction/1-1");
    driver.get(entry);
    String quote = driver.findElement(By.cssSelector("#source blockquote")).getText();
    assertTrue(quote.contains("<script>window.__xss = 1; alert(1)</script>"), quote);
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    assertEquals(Boolean.TRUE, js("return typeof window.__xss === 'undefined';"));
    assertEquals(0L, js("return document.querySelectorAll('main script').length;"));
  }

  @Test
  void landing_underTheContentSecurityPolicy_worksAndRequestsNothingFromOtherSites() {
    driver.manage().logs().get(LogType.BROWSER); // drain what earlier tests logged
    driver.get(seed.url());
    wait.until(d -> js("return !!(window.yasgui && window.yasgui.getTab());"));
    js(
        "window.yasgui.getTab().getYasqe().setValue(arguments[0]);",
        "SELECT ?s WHERE { ?s a <" + CKG.Direction.getURI() + "> } LIMIT 3");
    driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".yasr a[href*='/direction/']")));
    // The query editor's prefix completer reads this server's list, not prefix.cc; the class and
    // property completers (which ask lov.linkeddata.es) are off.
    wait.until(
        d ->
            (Boolean)
                js(
                    "return performance.getEntriesByType('resource')"
                        + ".some(e => e.name.endsWith('/assets/prefixes.json'));"));
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
    for (String url : loaded) {
      assertTrue(url.startsWith(seed.url()) || url.startsWith("data:"), "loaded " + url);
    }
    assertEquals(
        List.of("prefixes", "variables"),
        js("return window.yasgui.getTab().getYasqe().config.autocompleters;"));
    assertTrue(
        ((String) js("return window.yasgui.getTab().getYasqe().config.prefixCcApi;"))
            .startsWith(seed.url()));
    // A page of a thing too, under the same policy.
    driver.get(seed.url() + "id/report/2025-progress/direction/14-2");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#source blockquote")));
    List<String> refused = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      String m = e.getMessage();
      if (m.contains("Content Security Policy") || m.contains("Refused to")) {
        refused.add(m);
      }
    }
    assertEquals(List.of(), refused);
  }

  @Test
  void editor_fromTheMenuAndFromAQueryLink_opensAndRuns() {
    // YASGUI reads its own parameters from the URL's fragment: a fragment named "query" (with no
    // value) once gave it a null query, and it drew no editor at all.
    driver.manage().logs().get(LogType.BROWSER);
    driver.get(views.url() + "downloads");
    driver.findElement(By.cssSelector("header a[href='/#editor']")).click();
    wait.until(d -> js("return !!(window.yasgui && window.yasgui.getTab());"));
    String query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <" + CKG.Direction.getURI() + "> }";
    driver.get(views.url() + FacetPage.editorHref(query, "count").substring(1));
    wait.until(d -> js("return !!(window.yasgui && window.yasgui.getTab());"));
    assertEquals(query, js("return window.yasgui.getTab().getYasqe().getValue();"));
    // The visible tab's run button (tabs opened by earlier tests keep theirs, hidden).
    driver.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
    long directions = count("?x a ckg:Direction");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//div[contains(@class,'yasr')]//td[contains(., '" + directions + "')]")));
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      assertFalse(e.getMessage().contains("Uncaught"), e.getMessage());
    }
    // An example query, run in one click, shows things by their labels.
    open("/?example=entries-by-ministry");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//div[contains(@class,'yasr')]//td[contains(., '文部科学省')]")));
    // Things by their labels, numbers without their datatype; without labels, IRIs with prefixes.
    String table = driver.findElement(By.cssSelector(".tabPanel.active .yasr")).getText();
    assertFalse(table.contains("XMLSchema") || table.contains("^^"), table);
    wait.until(
        d ->
            driver.findElements(By.cssSelector(".tabPanel.active .yasr a.iri")).stream()
                .anyMatch(a -> a.getText().equals("文部科学省")));
    js("document.getElementById('editor').scrollIntoView();");
    screenshot("editor");
    driver.findElement(By.id("show-labels")).click();
    wait.until(
        d ->
            driver.findElements(By.cssSelector(".tabPanel.active .yasr a.iri")).stream()
                .anyMatch(a -> a.getText().startsWith("id:body/")));
  }

  @Test
  void pages_haveTheLocalFavicon() {
    driver.get(seed.url());
    String icon = (String) js("return document.querySelector('link[rel=icon]').href;");
    assertEquals(seed.url() + "assets/favicon.svg", icon);
  }

  // ---------------------------------------------------------------------------------------------
  // The views a researcher reads, at 1400×900, against SPARQL answers of the same server
  // ---------------------------------------------------------------------------------------------

  /** The viewport of the views' checks and screenshots: a laptop screen. */
  static final int WIDTH = 1400;

  static final int HEIGHT = 900;

  /**
   * Where the screenshots go: always {@code target/screenshots}, and also {@code
   * -Dscreenshots.dir=…} when set (the README's are made with {@code
   * -Dscreenshots.dir=docs/screenshots}).
   */
  static final Path SHOTS = Path.of("target", "screenshots");

  /** axe-core, installed by {@code npm ci} in {@code src/test/browser} (see .ci/run). */
  static final Path AXE =
      Path.of(System.getProperty("axe.path", "src/test/browser/node_modules/axe-core/axe.min.js"));

  static final String PREFIXES =
      "PREFIX ckg: <"
          + CKG.NS
          + ">\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
          + "PREFIX org: <http://www.w3.org/ns/org#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";

  @AfterEach
  void normalViewport() {
    if (driver != null) {
      ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void landing_at1400x900_whatSectionsChartsDownloadsAboveTheFold_under60KB() throws Exception {
    open("/");
    for (String id : List.of("what", "sections", "charts", "downloads")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> box =
          (Map<String, Object>)
              js(
                  "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                      + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};",
                  id);
      double bottom = ((Number) box.get("bottom")).doubleValue();
      double right = ((Number) box.get("right")).doubleValue();
      assertTrue(bottom <= HEIGHT && right <= WIDTH, "#" + id + " above the fold: " + box);
      assertTrue(bottom > ((Number) box.get("top")).doubleValue(), "#" + id + " shown: " + box);
    }
    // What is above the fold says something: every chart's picture, every dump, every area.
    List<WebElement> thumbs = driver.findElements(By.cssSelector("#charts img"));
    assertEquals(Charts.ALL.size(), thumbs.size());
    for (WebElement img : thumbs) {
      wait.until(d -> (Boolean) js("return arguments[0].complete;", img));
      assertTrue(
          ((Number) js("return arguments[0].naturalWidth;", img)).intValue() > 0,
          img.getAttribute("src"));
    }
    assertFalse(driver.findElements(By.cssSelector("#downloads a[download]")).isEmpty());
    long areas =
        count("?x a ckg:Section ; ckg:inReport ?r . FILTER NOT EXISTS { ?c ckg:subSectionOf ?x }");
    assertEquals(
        areas,
        driver.findElements(By.cssSelector("#sections ul.sections li:not(:has(ul))")).size());
    screenshot("landing");
    // The HTML itself is small (the editor's script and style are cached assets).
    HttpResponse<byte[]> r =
        TestServers.CLIENT.send(
            HttpRequest.newBuilder(URI.create(views.url())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(r.body().length < 60_000, "landing page HTML " + r.body().length + " bytes");
    // Every view is compressed when the client asks.
    for (String path :
        List.of("", "browse", "charts", "charts/heatmap.svg", "downloads", "search?q=x")) {
      HttpResponse<byte[]> zipped =
          TestServers.CLIENT.send(
              HttpRequest.newBuilder(URI.create(views.url() + path))
                  .header("Accept-Encoding", "gzip")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, zipped.statusCode(), path);
      assertEquals(
          "gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), "/" + path);
    }
  }

  @Test
  void report_tableOfContents_countsEqualSparql() {
    String report = first("SELECT ?x WHERE { ?x a ckg:ProgressReport }");
    open(local(report));
    String summary = driver.findElement(By.cssSelector("section.toc p.summary")).getText();
    String within = "?x ckg:inReport <" + report + "> ";
    assertTrue(summary.contains("方向性 " + count(within + "; a ckg:Direction")), summary);
    assertTrue(summary.contains("主な進捗状況の記載 " + count(within + "; a ckg:ProgressEntry")), summary);
    assertTrue(summary.contains("ページ " + count(within + "; a ckg:Sheet")), summary);
    List<WebElement> top = driver.findElements(By.cssSelector("section.toc > ol.toc > li"));
    assertFalse(top.isEmpty());
    for (WebElement li : top) {
      String section = iri(li.findElement(By.xpath("./a[@class='section']")));
      String in = "ckg:inSection/ckg:subSectionOf* <" + section + ">";
      String expected =
          "方向性 "
              + count("?x a ckg:Direction ; " + in)
              + " · 記載 "
              + count("?x a ckg:ProgressEntry ; " + in)
              + " · 府省庁等 "
              + count("?e a ckg:ProgressEntry ; " + in + " ; prov:wasAttributedTo ?x");
      assertEquals(expected, li.findElement(By.xpath("./span[@class='count']")).getText());
    }
    screenshot("report");
  }

  @Test
  void section_showsEachDirectionWithItsEntries_asSparqlCounts() {
    String area =
        first(
            "SELECT ?x WHERE { ?d a ckg:Direction ; ckg:inSection ?x . ?e ckg:addresses ?d }"
                + " GROUP BY ?x ORDER BY DESC(COUNT(DISTINCT ?e)) ?x LIMIT 1");
    open(local(area));
    List<WebElement> directions = driver.findElements(By.cssSelector("li.direction"));
    assertEquals(count("?x a ckg:Direction ; ckg:inSection <" + area + ">"), directions.size());
    String summary = driver.findElement(By.cssSelector("section.document p.summary")).getText();
    assertTrue(
        summary.contains(
            "主な進捗状況の記載 " + count("?x a ckg:ProgressEntry ; ckg:inSection <" + area + ">")),
        summary);
    // Each group of directions is followed by the entries that answer it, inline.
    for (WebElement group : driver.findElements(By.cssSelector("section.document div.group"))) {
      List<WebElement> ds = group.findElements(By.cssSelector("li.direction"));
      if (ds.isEmpty()) {
        continue;
      }
      String d = iri(ds.get(0).findElement(By.cssSelector("p.refs a")));
      assertEquals(
          count("?x a ckg:ProgressEntry ; ckg:addresses <" + d + ">"),
          group.findElements(By.cssSelector("ol.entries > li")).size(),
          d);
    }
    screenshot("section");
  }

  @Test
  void sheet_showsItsDirections_asSparqlCounts() {
    String sheet =
        first(
            "SELECT ?x WHERE { ?d a ckg:Direction ; ckg:onSheet ?x }"
                + " GROUP BY ?x ORDER BY DESC(COUNT(?d)) ?x LIMIT 1");
    open(local(sheet));
    assertEquals(
        count("?x a ckg:Direction ; ckg:onSheet <" + sheet + ">"),
        driver.findElements(By.cssSelector("li.direction")).size());
    screenshot("sheet");
  }

  @Test
  void direction_groupsItsEntriesByBody_asSparqlCounts() {
    String direction =
        first(
            "SELECT ?x WHERE { ?e a ckg:ProgressEntry ; ckg:addresses ?x }"
                + " GROUP BY ?x ORDER BY DESC(COUNT(DISTINCT ?e)) ?x LIMIT 1");
    open(local(direction));
    long entries = count("?x a ckg:ProgressEntry ; ckg:addresses <" + direction + ">");
    assertEquals(
        "(" + entries + ")",
        driver.findElement(By.cssSelector("section.by-body > h2 .count")).getText());
    int shown = 0;
    for (WebElement h3 : driver.findElements(By.cssSelector("section.by-body > h3"))) {
      shown +=
          Integer.parseInt(
              h3.findElement(By.cssSelector(".count")).getText().replaceAll("\\D", ""));
    }
    assertEquals(entries, shown);
    assertEquals(
        entries, driver.findElements(By.cssSelector("section.by-body ol.entries > li")).size());
    screenshot("direction");
  }

  @Test
  void body_groupsItsEntriesByArea_asSparqlCounts() {
    String body = first("SELECT ?x WHERE { ?x a ckg:GovernmentBody ; rdfs:label \"文化庁\"@ja }");
    open(local(body));
    long entries = count("?x a ckg:ProgressEntry ; prov:wasAttributedTo <" + body + ">");
    assertEquals(
        "(" + entries + ")",
        driver.findElement(By.cssSelector("section.by-area > h2 .count")).getText());
    List<WebElement> areas = driver.findElements(By.cssSelector("section.by-area > h3"));
    assertEquals(
        count("?e a ckg:ProgressEntry ; prov:wasAttributedTo <" + body + "> ; ckg:inSection ?x"),
        areas.size());
    screenshot("body");
  }

  @Test
  void browse_filteredByMinistry_everyCountEqualsSparql() {
    String ministry =
        first(
            "SELECT ?x WHERE { ?a org:subOrganizationOf ?x . ?e prov:wasAttributedTo ?a }"
                + " GROUP BY ?x ORDER BY DESC(COUNT(DISTINCT ?e)) ?x LIMIT 1");
    open(FacetPage.PATH + "?kind=entry&body=" + FacetPage.encode(ministry));
    String chosen =
        "?x a ckg:ProgressEntry ; prov:wasAttributedTo/org:subOrganizationOf* <" + ministry + "> .";
    long total = count(chosen);
    assertTrue(total > 0);
    assertEquals(String.valueOf(total), driver.findElement(By.id("result-count")).getText());
    assertEquals(
        Math.min(total, FacetPage.PAGE_SIZE),
        driver.findElements(By.cssSelector("section.results ol.entries > li")).size());
    List<WebElement> statuses = driver.findElements(By.cssSelector("#facet-status li"));
    assertFalse(statuses.isEmpty());
    for (WebElement li : statuses) {
      String value = li.findElement(By.tagName("a")).getAttribute("data-value");
      assertEquals(
          String.valueOf(count(chosen + " ?x ckg:status <" + value + ">")),
          li.findElement(By.cssSelector(".count")).getText(),
          value);
    }
    // The ministry's own value counts its agencies' entries too.
    WebElement on = driver.findElement(By.cssSelector("#facet-body a.on"));
    assertEquals(ministry, on.getAttribute("data-value"));
    assertEquals(
        String.valueOf(total),
        on.findElement(By.xpath("./following-sibling::span[@class='count']")).getText());
    screenshot("browse");
  }

  @Test
  void charts_heatMapCells_equalItsSparqlAnswer() {
    open(Charts.PATH);
    assertEquals(
        Charts.ALL.size(), driver.findElements(By.cssSelector("section.chart svg")).size());
    Charts.Chart heatmap = Charts.byId("heatmap").orElseThrow();
    Map<String, String> expected = new TreeMap<>();
    for (QuerySolution row : select(heatmap.sparql())) {
      expected.put(
          row.getResource("body").getURI() + " " + row.getResource("area").getURI(),
          row.getLiteral("entries").getLexicalForm());
    }
    Map<String, String> drawn = new TreeMap<>();
    for (WebElement cell : driver.findElements(By.cssSelector("#chart-heatmap rect.cell"))) {
      drawn.put(
          cell.getAttribute("data-row") + " " + cell.getAttribute("data-col"),
          cell.getAttribute("data-value"));
    }
    assertFalse(drawn.isEmpty());
    assertEquals(expected, drawn);
    // Each chart, for a look (target/screenshots only); the README shows the first.
    for (Charts.Chart c : Charts.ALL) {
      js("document.getElementById(arguments[0]).scrollIntoView();", c.id());
      shoot(List.of(SHOTS), "chart-" + c.id());
    }
    js("document.querySelector('section.chart').scrollIntoView();");
    screenshot("charts");
  }

  @Test
  void downloads_listEveryFileOfTheRelease() throws Exception {
    open(DownloadsPage.PATH);
    List<String> sums = Files.readAllLines(Seed.releaseDirectory().resolve("SHA256SUMS"));
    List<WebElement> rows = driver.findElements(By.cssSelector("table.files tbody tr"));
    assertEquals(sums.size() + 1, rows.size(), "every file and SHA256SUMS");
    String page = driver.findElement(By.tagName("main")).getText();
    for (String line : sums) {
      String[] sum = line.split(" +\\*?", 2);
      assertTrue(page.contains(sum[0]) && page.contains(sum[1]), line);
    }
    screenshot("downloads");
  }

  @Test
  void event_saysWhatItIs_typeDateAndObject() {
    String event =
        first(
            "SELECT ?x WHERE { ?x a ckg:Event ; ckg:eventType/skos:prefLabel \"公布\"@ja ;"
                + " ckg:date ?d . FILTER (STRSTARTS(STR(?d), \"2025-06\")) } ORDER BY ?x LIMIT 1");
    open(local(event));
    String h1 = driver.findElement(By.tagName("h1")).getText();
    assertTrue(h1.startsWith("公布 2025-06 — 人工知能関連技術の研究開発及び活用の推進に関する法律"), h1);
    screenshot("event");
  }

  /** Every page template, by a page of the seed that uses it. */
  static List<String> templates() {
    return List.of(
        "landing",
        "report",
        "section",
        "sheet",
        "direction",
        "entry",
        "item",
        "body",
        "event",
        "statute",
        "browse",
        "charts",
        "downloads",
        "search",
        "ontology",
        "source");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void accessibility_everyTemplate_noSeriousOrCriticalViolation(String template) throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(AXE),
        () -> "no axe-core at " + AXE + " (cd src/test/browser && npm ci)");
    String path = pathOf(template);
    open(path);
    js(Files.readString(AXE, StandardCharsets.UTF_8));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    String found =
        (String)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '"
                        + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')"
                        + " + (v.nodes.length > 3 ? ' (+' + (v.nodes.length - 3) + ')' : ''))"
                        + ".join('\\n')))"
                        + ".catch(e => done('axe failed: ' + e));");
    assertEquals("", found, template + " " + path);
  }

  private static String pathOf(String template) {
    return switch (template) {
      case "landing" -> "/";
      case "report" -> local(first("SELECT ?x WHERE { ?x a ckg:ProgressReport }"));
      case "section" ->
          local(
              first(
                  "SELECT ?x WHERE { ?d a ckg:Direction ; ckg:inSection ?x }"
                      + " GROUP BY ?x ORDER BY DESC(COUNT(?d)) ?x LIMIT 1"));
      case "sheet" ->
          local(
              first(
                  "SELECT ?x WHERE { ?d a ckg:Direction ; ckg:onSheet ?x }"
                      + " GROUP BY ?x ORDER BY DESC(COUNT(?d)) ?x LIMIT 1"));
      case "direction" ->
          local(
              first(
                  "SELECT ?x WHERE { ?e ckg:addresses ?x }"
                      + " GROUP BY ?x ORDER BY DESC(COUNT(?e)) ?x LIMIT 1"));
      case "entry" ->
          local(first("SELECT ?x WHERE { ?x a ckg:ProgressEntry } ORDER BY ?x LIMIT 1"));
      case "item" -> local(first("SELECT ?x WHERE { ?x a ckg:EntryItem } ORDER BY ?x LIMIT 1"));
      case "body" ->
          local(first("SELECT ?x WHERE { ?x a ckg:GovernmentBody ; rdfs:label \"文化庁\"@ja }"));
      case "event" -> local(first("SELECT ?x WHERE { ?x a ckg:Event } ORDER BY ?x LIMIT 1"));
      case "statute" -> local(first("SELECT ?x WHERE { ?x a ckg:Statute } ORDER BY ?x LIMIT 1"));
      case "browse" ->
          FacetPage.PATH
              + "?kind=entry&status="
              + FacetPage.encode(first("SELECT ?x WHERE { ?e ckg:status ?x } ORDER BY ?x LIMIT 1"));
      case "charts" -> Charts.PATH;
      case "downloads" -> DownloadsPage.PATH;
      case "search" -> Site.SEARCH_PATH + "?q=" + FacetPage.encode("海賊版");
      case "ontology" -> "/def";
      case "source" -> {
        driver.get(
            views.url()
                + local(first("SELECT ?x WHERE { ?x a ckg:Direction } ORDER BY ?x LIMIT 1"))
                    .substring(1));
        yield URI.create(
                driver
                    .findElement(By.cssSelector("a.src, p.where a[href*='/source/']"))
                    .getAttribute("href"))
            .getRawPath();
      }
      default -> throw new IllegalArgumentException("no page for template " + template);
    };
  }

  /**
   * Opens a path of the views server in a 1400×900 viewport, waits for it to load, and checks that
   * every request it made went to this server.
   */
  private static void open(String path) {
    driver.manage().logs().get("performance"); // drain what came before
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    driver.get(views.url() + path.substring(1));
    wait.until(d -> "complete".equals(js("return document.readyState;")));
    // Give lazy images and scripts a moment to ask for what they want.
    wait.until(
        d ->
            (Boolean)
                js(
                    "return Array.from(document.images)"
                        + ".every(i => i.complete || i.loading === 'lazy');"));
    List<String> requests = requests();
    assertFalse(requests.isEmpty(), "the page's own request is logged");
    for (String url : requests) {
      assertTrue(
          url.startsWith(views.url()) || url.startsWith("data:") || url.startsWith("blob:"),
          path + " requested " + url);
    }
  }

  /** Every URL the pages asked for since the last call, from Chromium's network events. */
  private static List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get("performance")) {
      JsonObject message = JSON.parse(e.getMessage()).get("message").getAsObject();
      String method = message.get("method").getAsString().value();
      if (method.equals("Network.requestWillBeSent")) {
        urls.add(
            message
                .get("params")
                .getAsObject()
                .get("request")
                .getAsObject()
                .get("url")
                .getAsString()
                .value());
      } else if (method.equals("Network.webSocketCreated")) {
        urls.add(message.get("params").getAsObject().get("url").getAsString().value());
      }
    }
    return urls;
  }

  /** The viewport as a PNG in target/screenshots and, if set, in -Dscreenshots.dir. */
  private static void screenshot(String name) {
    List<Path> dirs = new ArrayList<>(List.of(SHOTS));
    Optional.ofNullable(System.getProperty("screenshots.dir"))
        .filter(d -> !d.isBlank())
        .map(Path::of)
        .ifPresent(dirs::add);
    shoot(dirs, name);
  }

  private static void shoot(List<Path> dirs, String name) {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    for (Path d : dirs) {
      try {
        Files.write(Files.createDirectories(d).resolve(name + ".png"), png);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static List<QuerySolution> select(String query) {
    try (QueryExecution qe =
        QueryExecutionHTTP.service(views.url() + "sparql")
            .query(query.contains("PREFIX ckg:") ? query : PREFIXES + query)
            .build()) {
      return ResultSetFormatter.toList(qe.execSelect());
    }
  }

  private static String first(String query) {
    List<QuerySolution> rows = select(query);
    assertFalse(rows.isEmpty(), "no answer to " + query);
    return rows.get(0).getResource("x").getURI();
  }

  private static long count(String where) {
    return select("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + where + " }")
        .get(0)
        .getLiteral("n")
        .getLong();
  }

  /** The path on the views server of an IRI under the default base. */
  private static String local(String iri) {
    assertTrue(iri.startsWith(Iris.DEFAULT_BASE), iri);
    return "/" + iri.substring(Iris.DEFAULT_BASE.length());
  }

  /** The IRI a link on a views page stands for. */
  private static String iri(WebElement link) {
    String href = link.getAttribute("href");
    assertTrue(href.startsWith(views.url()), href);
    return Iris.DEFAULT_BASE + href.substring(views.url().length());
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
