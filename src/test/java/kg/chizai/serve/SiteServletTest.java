package kg.chizai.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kg.chizai.base.Resources;
import org.junit.jupiter.api.Test;

/**
 * The YASGUI version is written once, in the pom: the server finds the WebJar the build brought.
 */
class SiteServletTest {

  @Test
  void webJar_yasgui_theVersionThePomNames() throws Exception {
    String path = SiteServlet.webJar("org.webjars.npm", "zazuko__yasgui");
    assertTrue(Resources.find(path + "build/yasgui.min.js").isPresent(), path);
    String pom = Files.readString(Path.of("pom.xml"));
    String version = path.replaceAll(".*/zazuko__yasgui/([^/]+)/$", "$1");
    assertTrue(
        pom.contains(
            "<artifactId>zazuko__yasgui</artifactId>\n      <version>" + version + "</version>"),
        version);
  }
}
