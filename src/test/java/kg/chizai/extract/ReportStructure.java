package kg.chizai.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import kg.chizai.model.Direction;
import kg.chizai.model.EntryItem;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Section;
import kg.chizai.model.Sheet;

/**
 * The structure of a report as lines of text, without line numbers: the cover, every section,
 * sheet, lead statement, direction, entry and sub-item with the keys, ids and links the reader gave
 * them, and their texts. Two readings of the same report in different dress (markers, spacing, line
 * endings, blank lines) must render the same, once {@link #normal normalised}.
 *
 * <pre>
 * section 2-1 in 2 number 1 title 司令塔機能の強化
 * sheet 4 section 2 contents 2-1 2-2 highlights 2-1
 * entry 5-2 on sheet 5 【経産省】 answers 5-1:
 * item 5-2/1: 海外市場規模の調査を実施した。
 * </pre>
 */
final class ReportStructure {

  private ReportStructure() {}

  static List<String> render(Report r) {
    List<String> out = new ArrayList<>();
    out.add(
        "report "
            + r.programYear()
            + r.issued().map(d -> " issued " + d).orElse("")
            + r.publisher().map(p -> " publisher " + p).orElse(""));
    for (Section s : r.sections()) {
      out.add(
          "section "
              + s.key()
              + s.parentKey().map(p -> " in " + p).orElse("")
              + s.number().map(n -> " number " + n).orElse("")
              + " title "
              + s.title());
    }
    for (Sheet s : r.sheets()) {
      out.add(
          "sheet "
              + s.ordinal()
              + " section "
              + s.sectionKey()
              + (s.isContents() ? " contents " + String.join(" ", s.listedSections()) : "")
              + s.highlightedSection().map(h -> " highlights " + h).orElse(""));
    }
    for (Section s : r.sections()) {
      s.lead()
          .ifPresent(
              l -> out.add("lead of " + s.key() + " on sheet " + l.sheet() + ": " + l.text()));
    }
    for (Direction d : r.directions()) {
      out.add("direction " + d.id() + " on sheet " + d.sheet() + ": " + d.text());
    }
    for (ProgressEntry e : r.entries()) {
      String items = String.join("\n", e.items().stream().map(EntryItem::text).toList());
      String own = e.text().substring(0, e.text().length() - items.length()).strip();
      out.add(
          "entry "
              + e.id()
              + " on sheet "
              + e.sheet()
              + " 【"
              + e.tag()
              + "】 answers "
              + String.join(" ", e.addresses())
              + ":"
              + (own.isEmpty() ? "" : " " + own));
      for (EntryItem i : e.items()) {
        out.add("item " + e.id() + "/" + i.ordinal() + ": " + i.text());
      }
    }
    return out;
  }

  /** A line with its width folded (NFKC) and its spaces removed, for comparing structures. */
  static String normal(String line) {
    return Normalizer.normalize(line, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }

  static List<String> normal(List<String> lines) {
    return lines.stream().map(ReportStructure::normal).toList();
  }
}
