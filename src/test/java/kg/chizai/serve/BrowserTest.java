package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import kg.chizai.testing.SmallReport;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
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
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
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
  void pages_haveTheLocalFavicon() {
    driver.get(seed.url());
    String icon = (String) js("return document.querySelector('link[rel=icon]').href;");
    assertEquals(seed.url() + "assets/favicon.svg", icon);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }
}
