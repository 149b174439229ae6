package kg.chizai.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.Pipeline;
import kg.chizai.base.Problem;
import kg.chizai.rdf.CKG;
import kg.chizai.rdf.Iris;
import kg.chizai.testing.Seed;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every time the seed states is in the graph: an independent scan of the text, by its own simple
 * patterns and arithmetic (not the normaliser's), finds every era, Western and fiscal-year
 * expression outside names, and each must be a {@code ckg:StatedTime} at its line and column,
 * stated by the item whose lines hold it, with the value the scan computed. What is missing must
 * have been warned about with its line.
 */
class SeedTimesTest {

  static final Path SEED = Seed.SOURCE;

  /** 令和7年度, 令和8年1月1日, 昭和元年: an era year, with 度 or a month and day. */
  static final Pattern ERA =
      Pattern.compile(
          "(令和|平成|昭和)\\s*(元|\\d{1,2})\\s*年(?:(度)|\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?)?");

  /** 2025年度, 2024年4月, 2026年1月1日: a Western year, with 度 or a month and day. */
  static final Pattern WESTERN =
      Pattern.compile("(?<!\\d)(\\d{4})\\s*年(?:(度)|\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?)?");

  static Model graph;
  static List<String> lines;
  static List<Problem> warnings;
  static Iris iris = new Iris(Iris.DEFAULT_BASE);

  /** One expression the scan found: where, as written, and the value it must have. */
  record Found(int line, int column, String surface, boolean quoted, String value) {
    @Override
    public String toString() {
      return line + ":" + column + " " + surface + " = " + value;
    }
  }

  @BeforeAll
  static void convert() {
    Pipeline.Conversion c = Seed.conversion();
    graph = c.dataset().getUnionModel();
    warnings = c.warnings();
    lines = Seed.lines();
  }

  /** The scan: every era and Western year expression of every line, with its value. */
  static List<Found> scan() {
    List<Found> out = new ArrayList<>();
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      boolean[] quoted = quoted(line);
      Matcher era = ERA.matcher(line);
      while (era.find()) {
        int base =
            switch (era.group(1)) {
              case "令和" -> 2018;
              case "平成" -> 1988;
              default -> 1925;
            };
        int year = base + (era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2)));
        out.add(found(n, line, era, quoted, year, era.group(3), era.group(4), era.group(5)));
      }
      Matcher western = WESTERN.matcher(line);
      while (western.find()) {
        int year = Integer.parseInt(western.group(1));
        out.add(
            found(
                n,
                line,
                western,
                quoted,
                year,
                western.group(2),
                western.group(3),
                western.group(4)));
      }
    }
    return out;
  }

  private static Found found(
      int n,
      String line,
      Matcher m,
      boolean[] quoted,
      int year,
      String fiscal,
      String month,
      String day) {
    String value;
    // 令和8年予算: a budget is named by its fiscal year, even when the text writes 年.
    if (fiscal != null || line.startsWith("予算", m.end())) {
      value = iris.fiscalYear(year);
    } else if (month == null) {
      value = Integer.toString(year);
    } else if (day == null) {
      value = String.format("%d-%02d", year, Integer.parseInt(month));
    } else {
      value = String.format("%d-%02d-%02d", year, Integer.parseInt(month), Integer.parseInt(day));
    }
    // 「…2025年版」: an edition is part of a name, like anything in quotes.
    boolean name = quoted[m.start()] || line.startsWith("版", m.end());
    return new Found(n, line.codePointCount(0, m.start()), m.group(), name, value);
  }

  /** Characters inside 「」 or 『』 on a line. */
  private static boolean[] quoted(String line) {
    boolean[] q = new boolean[line.length()];
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '「' || c == '『') {
        depth++;
      } else if ((c == '」' || c == '』') && depth > 0) {
        depth--;
      } else {
        q[i] = depth > 0;
      }
    }
    return q;
  }

  /** The stated times whose first character is on {@code line} at or before {@code column}. */
  private static List<Resource> statedAt(int line, int column) {
    List<Resource> out = new ArrayList<>();
    for (Resource t : graph.listSubjectsWithProperty(CKG.lineStart, integer(line)).toList()) {
      if (!t.hasProperty(org.apache.jena.vocabulary.RDF.type, CKG.StatedTime)) {
        continue;
      }
      int start = t.getRequiredProperty(CKG.startOffset).getInt();
      int end = t.getRequiredProperty(CKG.endOffset).getInt();
      boolean sameLine = t.getRequiredProperty(CKG.lineEnd).getInt() == line;
      if (start <= column && (!sameLine || column < end)) {
        out.add(t);
      }
    }
    return out;
  }

  private static RDFNode integer(int n) {
    return graph.createTypedLiteral(
        String.valueOf(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
  }

  /**
   * Whether {@code t} has the value the scan computed, and an item whose lines hold it states it.
   */
  private static boolean matches(Resource t, Found f) {
    boolean value = false;
    for (Statement s : t.listProperties(CKG.date).toList()) {
      value |= s.getLiteral().getLexicalForm().equals(f.value());
    }
    for (Statement s : t.listProperties(CKG.fiscalYear).toList()) {
      value |= s.getResource().getURI().equals(f.value());
    }
    boolean item = false;
    for (Resource i : graph.listSubjectsWithProperty(CKG.statesTime, t).toList()) {
      item |=
          i.getRequiredProperty(CKG.lineStart).getInt() <= f.line()
              && f.line() <= i.getRequiredProperty(CKG.lineEnd).getInt();
    }
    return value && item;
  }

  @Test
  void scan_findsTheSeedsTimes() {
    List<Found> all = scan();
    // The seed has over a hundred stated times; the scan must see them or it proves nothing.
    assertTrue(all.stream().filter(f -> !f.quoted()).count() > 120, all.toString());
    assertTrue(all.stream().anyMatch(f -> f.surface().equals("昭和元年")), "昭和元年 is 1926");
    assertTrue(all.stream().anyMatch(Found::quoted), "a year in a quoted name");
  }

  @Test
  void everyTimeOutsideNames_isInTheGraphOnItsItemWithItsValue() {
    List<Found> stated = new ArrayList<>();
    List<Found> missing = new ArrayList<>();
    List<Found> silent = new ArrayList<>();
    for (Found f : scan()) {
      if (f.quoted() || outsideItems(f.line())) {
        continue;
      }
      stated.add(f);
      if (statedAt(f.line(), f.column()).stream().noneMatch(t -> matches(t, f))) {
        missing.add(f);
        if (warnings.stream()
            .noneMatch(w -> w.line() == f.line() && w.message().contains(f.surface()))) {
          silent.add(f);
        }
      }
    }
    double recall = 1.0 - (double) missing.size() / stated.size();
    assertTrue(
        recall >= 0.95, "recall " + recall + " of " + stated.size() + "; missing " + missing);
    assertEquals(List.of(), silent, "times lost without a warning naming their line");
  }

  @Test
  void timesInNamesAndOnTheCover_areNotStatedTimes() {
    List<Found> wrong = new ArrayList<>();
    for (Found f : scan()) {
      if ((f.quoted() || outsideItems(f.line())) && !statedAt(f.line(), f.column()).isEmpty()) {
        wrong.add(f);
      }
    }
    assertEquals(List.of(), wrong);
    // The cover's 令和8年4月 is the report's date.
    assertTrue(outsideItems(lineOf("令和8年4月")));
    assertFalse(graph.listSubjectsWithProperty(CKG.surfaceText, "知的財産推進計画2025", "ja").hasNext());
  }

  /** Whether no direction, entry, sub-item or lead statement holds {@code line}. */
  private static boolean outsideItems(int line) {
    for (Resource i : graph.listSubjectsWithProperty(CKG.lineStart).toList()) {
      if ((i.hasProperty(org.apache.jena.vocabulary.RDF.type, CKG.Direction)
              || i.hasProperty(org.apache.jena.vocabulary.RDF.type, CKG.ProgressEntry)
              || i.hasProperty(org.apache.jena.vocabulary.RDF.type, CKG.LeadStatement))
          && i.getRequiredProperty(CKG.lineStart).getInt() <= line
          && line <= i.getRequiredProperty(CKG.lineEnd).getInt()) {
        return false;
      }
    }
    return true;
  }

  private static int lineOf(String text) {
    for (int n = 1; n <= lines.size(); n++) {
      if (lines.get(n - 1).strip().equals(text)) {
        return n;
      }
    }
    throw new AssertionError("no line " + text);
  }
}
