package kg.chizai.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * One row of an HTML table in the text: a directions cell and a progress cell, separated by a tab
 * (or given as {@code <td>} cells). Parsed with jsoup, so entities and unclosed tags are handled.
 */
record TableRow(List<String> cells, List<String> directions, List<Block> progress) {

  /** A piece of text in the progress cell: a paragraph, or a list item. */
  record Block(String text, boolean listItem) {}

  static TableRow parse(String line) {
    List<String> cells = new ArrayList<>();
    if (line.toLowerCase(java.util.Locale.ROOT).contains("<td")) {
      for (Element td :
          Jsoup.parseBodyFragment("<table><tr>" + line + "</tr></table>").select("td, th")) {
        cells.add(td.html());
      }
    } else {
      for (String cell : line.split("\t")) {
        if (!cell.isBlank()) {
          cells.add(cell);
        }
      }
    }
    List<String> directions = new ArrayList<>();
    List<Block> progress = new ArrayList<>();
    if (cells.size() == 1) {
      List<Block> blocks = blocks(cells.get(0));
      if (blocks.stream().anyMatch(b -> b.text().startsWith("【"))) {
        progress.addAll(blocks);
      } else {
        blocks.forEach(b -> directions.add(b.text()));
      }
    } else if (cells.size() >= 2) {
      blocks(cells.get(0)).forEach(b -> directions.add(b.text()));
      for (String cell : cells.subList(1, cells.size())) {
        progress.addAll(blocks(cell));
      }
    }
    return new TableRow(cells, directions, progress);
  }

  /** The text blocks of a cell: each list item, and each run of text outside list items. */
  private static List<Block> blocks(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    List<Block> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    collect(body, out, run);
    flush(out, run, false);
    return out;
  }

  private static void collect(Node node, List<Block> out, StringBuilder run) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode text) {
        run.append(text.text());
      } else if (child instanceof Element el) {
        String name = el.normalName();
        if (name.equals("li")) {
          flush(out, run, false);
          out.add(new Block(el.text().strip(), true));
        } else if (name.equals("br")) {
          flush(out, run, false);
        } else if (el.isBlock()) {
          flush(out, run, false);
          collect(el, out, run);
          flush(out, run, false);
        } else {
          collect(el, out, run);
        }
      }
    }
  }

  private static void flush(List<Block> out, StringBuilder run, boolean listItem) {
    String t = run.toString().strip();
    if (!t.isEmpty()) {
      out.add(new Block(t, listItem));
    }
    run.setLength(0);
  }
}
