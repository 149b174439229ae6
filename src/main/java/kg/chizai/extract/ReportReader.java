package kg.chizai.extract;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.chizai.base.ChizaiException;
import kg.chizai.base.ExitCode;
import kg.chizai.base.Problem;
import kg.chizai.extract.Lines.Area;
import kg.chizai.extract.Lines.Bullet;
import kg.chizai.extract.Lines.BulletStyle;
import kg.chizai.extract.Lines.Relist;
import kg.chizai.extract.Lines.Tag;
import kg.chizai.model.Direction;
import kg.chizai.model.EntryItem;
import kg.chizai.model.LeadStatement;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Report;
import kg.chizai.model.Section;
import kg.chizai.model.Sheet;
import kg.chizai.model.SourceSpan;
import kg.chizai.source.SourceText;

/**
 * Reads the structure of a progress report: cover, sections, sheets, directions and progress
 * entries.
 *
 * <pre>{@code Report report = ReportReader.read(SourceText.read(path));}</pre>
 *
 * <p>The reader is a single pass over the lines with a little look-ahead. It collects every
 * structural error with its line and fails once with all of them; doubtful places become warnings
 * on the report.
 */
public final class ReportReader {

  private static final Pattern TITLE = Pattern.compile("「?(知的財産推進計画\\s*(\\d{4}))」?\\s*の?進捗状況");
  private static final Pattern PROGRAM_TITLE = Pattern.compile("「([^」]*?(\\d{4})[^」]*)」");

  private final SourceText src;
  private final String file;
  private final List<Problem> errors = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  // Cover
  private String title;
  private String programTitle;
  private int programYear;
  private int titleLine;
  private YearMonth issued;
  private String publisher;

  // Sections, keyed by their key, in order of appearance
  private final Map<String, SectionBuilder> sections = new LinkedHashMap<>();
  private SectionBuilder currentPart;
  private SectionBuilder currentSection;

  // Sheets and their contents
  private final List<SheetBuilder> sheets = new ArrayList<>();
  private SheetBuilder sheet;
  private final List<DirectionBuilder> directions = new ArrayList<>();
  private final List<EntryBuilder> entries = new ArrayList<>();

  // What a continuation paragraph or a list item would attach to
  private EntryBuilder openEntry;
  private DirectionBuilder openDirection;
  private LeadBuilder openLead;

  private ReportReader(SourceText src) {
    this.src = src;
    this.file = src.name();
  }

  /** Reads a report; throws {@link ChizaiException} listing every structural error. */
  public static Report read(SourceText src) {
    return new ReportReader(src).run();
  }

  private Report run() {
    int n = src.lineCount();
    int i = 1;
    while (i <= n) {
      i = step(i);
    }
    closeSheet(n);
    if (errors.isEmpty()) {
      checkComplete();
    }
    if (!errors.isEmpty()) {
      throw new ChizaiException(ExitCode.INPUT, errors);
    }
    return build();
  }

  /** Handles line {@code i} (and any lines it looks ahead to); returns the next line to read. */
  private int step(int i) {
    String raw = src.line(i);
    String t = raw.strip();
    if (t.isEmpty() || Lines.isPageNumber(t)) {
      return i + 1;
    }
    int bad = Lines.unterminatedTag(t);
    if (bad >= 0) {
      errors.add(
          Problem.error(file, i, "unterminated tag: 【 at column " + (bad + 1) + " has no 】"));
      return i + 1;
    }
    if (title == null) {
      if (readCover(i, t)) {
        return i + 1;
      }
    }
    if (Lines.isTableHeading(t)) {
      programHeading(i);
      return i + 1;
    }
    if (Lines.isHtml(t)) {
      tableRow(i, t);
      return i + 1;
    }
    if (Lines.isProgramHeading(t)) {
      programHeading(i);
      return i + 1;
    }
    if (Lines.isProgressHeading(t)) {
      ensureSheet(i);
      closeOpen();
      sheet.zone = Zone.PROGRESS;
      sheet.sawProgressHeading = true;
      sheet.touch(i);
      return i + 1;
    }
    Optional<Tag> tag = Lines.leadingTag(t);
    if (tag.isPresent()) {
      startEntry(i, tag.get());
      return i + 1;
    }
    Optional<Area> area = Lines.area(t);
    if (area.isPresent()) {
      return areaLines(i);
    }
    Optional<Lines.Part> part = Lines.part(t);
    if (part.isPresent() && Lines.looksLikeTitle(part.get().title())) {
      List<Listed> run = inPartHeader() ? numberedRun(i) : List.of();
      if (run.size() >= 2) {
        return contentsList(run);
      }
      return partHeading(i, part.get());
    }
    if (knownPartHeader(i, t)) {
      return i + 1;
    }
    if (Lines.looksLikeTitle(t) && nextNonBlankIsArea(i)) {
      newPart(i, t, Optional.empty());
      startSheet(i, currentPart);
      sheet.touch(i);
      return i + 1;
    }
    Optional<Bullet> bullet = Lines.bullet(t);
    if (bullet.isPresent()) {
      List<Listed> run = inPartHeader() ? bulletRun(i) : List.of();
      if (run.size() >= 2) {
        return contentsList(run);
      }
      if (isDividerTitle(i, bullet.get())) {
        // ■ コンテンツ戦略 before its areas: a divider page's title, whatever its glyph.
        String title = Lines.stripEmphasis(bullet.get().text());
        if (!knownPartHeader(i, title)) {
          newPart(i, title, Optional.empty());
          startSheet(i, currentPart);
          sheet.touch(i);
        }
        return i + 1;
      }
      bulletLine(i, bullet.get());
      return i + 1;
    }
    paragraph(i, t);
    return i + 1;
  }

  // ---------------------------------------------------------------- contents lists by shape

  /** An area as a contents list gives it, at its line. */
  private record Listed(int line, Area area) {}

  /**
   * Whether the current sheet has nothing but a part's title so far: where a contents list of the
   * part's areas may stand.
   */
  private boolean inPartHeader() {
    return currentPart != null
        && sheet != null
        && !sheet.closed
        && sheet.headerOnly()
        && sheet.section == currentPart
        && currentSection == currentPart;
  }

  /**
   * 1. 司令塔機能の強化 / 2. コンテンツと…: numbered lines that count up from line {@code i}, each a title. A run
   * of two or more after a part's title is the list of its areas, not more parts.
   */
  private List<Listed> numberedRun(int i) {
    List<Listed> run = new ArrayList<>();
    int j = i;
    while (j > 0) {
      Optional<Lines.Part> p = Lines.part(src.line(j).strip());
      if (p.isEmpty() || !Lines.looksLikeTitle(p.get().title())) {
        break;
      }
      if (!run.isEmpty() && p.get().number() != run.get(run.size() - 1).area().number() + 1) {
        break;
      }
      String title = Lines.stripEmphasis(p.get().title());
      boolean highlighted = p.get().title().strip().endsWith("**");
      run.add(new Listed(j, new Area(p.get().number(), title, highlighted)));
      j = nextNonBlank(j + 1);
    }
    return run;
  }

  /**
   * ○ 司令塔機能の強化 / ○ コンテンツと…: bullet lines with the same marker from line {@code i}, each a short
   * title with no sentence punctuation. A run of two or more after a part's title is the list of
   * its areas, numbered by their place in it; a lead statement or a direction is a sentence.
   */
  private List<Listed> bulletRun(int i) {
    List<Listed> run = new ArrayList<>();
    String marker = null;
    int j = i;
    while (j > 0) {
      String t = src.line(j).strip();
      Optional<Bullet> b = Lines.bullet(t);
      if (b.isEmpty() || b.get().text().isEmpty()) {
        break;
      }
      String text = b.get().text();
      String title = Lines.stripEmphasis(text);
      String m = t.substring(0, t.length() - Lines.stripListMarker(t).length()).strip();
      if (!Lines.looksLikeTitle(title) || (marker != null && !marker.equals(m))) {
        break;
      }
      marker = m;
      run.add(new Listed(j, new Area(run.size() + 1, title, text.endsWith("**"))));
      j = nextNonBlank(j + 1);
    }
    return run;
  }

  /**
   * Whether a bullet line is the title of a divider page: a short title whose next line is a
   * numbered area line or a numbered list of areas.
   */
  private boolean isDividerTitle(int i, Bullet b) {
    String title = Lines.stripEmphasis(b.text());
    if (title.isEmpty()
        || !Lines.looksLikeTitle(title)
        || (openEntry != null && openEntry.accepts(b.style()))
        || (sheet != null && !sheet.closed && sheet.zone == Zone.DIRECTIONS)) {
      return false;
    }
    int j = nextNonBlank(i + 1);
    if (j <= 0) {
      return false;
    }
    String next = src.line(j).strip();
    return Lines.area(next).isPresent()
        || (Lines.part(next).isPresent() && numberedRun(j).size() >= 2);
  }

  /** Whether a list of areas starts at line {@code j}: an area line, or a run of titles. */
  private boolean startsList(int j) {
    if (j <= 0) {
      return false;
    }
    String t = src.line(j).strip();
    if (Lines.area(t).isPresent()) {
      return true;
    }
    if (Lines.part(t).isPresent()) {
      return numberedRun(j).size() >= 2;
    }
    return Lines.bullet(t).isPresent() && bulletRun(j).size() >= 2;
  }

  // ---------------------------------------------------------------- cover

  /** Reads title, date and publisher lines before the first section; true if the line was used. */
  private boolean readCover(int i, String t) {
    Matcher m = TITLE.matcher(Lines.nfkc(t));
    if (m.find()) {
      title = t;
      titleLine = i;
      Matcher p = PROGRAM_TITLE.matcher(t);
      programTitle = p.find() ? p.group(1).strip() : m.group(1);
      programYear = Integer.parseInt(m.group(2));
      return true;
    }
    if (isStructural(t)) {
      errors.add(
          Problem.error(
              file,
              i,
              "no report title before the first section: expected a line like"
                  + " 「知的財産推進計画2025」の進捗状況"));
      title = "";
      return false;
    }
    return false;
  }

  /** Cover lines after the title: the date and the publisher. True if the line was used. */
  private boolean readCoverDetail(int i, String t) {
    if (!sheets.isEmpty() || !sections.isEmpty()) {
      return false;
    }
    Optional<YearMonth> date = JapaneseDates.yearMonth(t);
    if (date.isPresent() && issued == null && t.length() <= 20) {
      issued = date.get();
      return true;
    }
    if (publisher == null && Lines.looksLikeTitle(t) && !nextNonBlankIsArea(i)) {
      publisher = t;
      return true;
    }
    return false;
  }

  private boolean isStructural(String t) {
    return Lines.isProgramHeading(t)
        || Lines.isProgressHeading(t)
        || Lines.isTableHeading(t)
        || Lines.leadingTag(t).isPresent()
        || Lines.part(t).isPresent()
        || Lines.area(t).isPresent();
  }

  // ---------------------------------------------------------------- sections and sheets

  private int partHeading(int i, Lines.Part part) {
    SectionBuilder seen = null;
    for (SectionBuilder p : sections.values()) {
      if (p.parent == null
          && Optional.of(part.number()).equals(p.number)
          && Lines.comparable(p.title).equals(Lines.comparable(part.title()))) {
        seen = p;
      }
    }
    if (seen != null) {
      // The part again (after a list of parts, or on a divider page): the same part.
      currentPart = seen;
      currentSection = seen;
    } else {
      newPart(i, part.title(), Optional.of(part.number()));
    }
    startSheet(i, currentPart);
    sheet.touch(i);
    int j = nextNonBlank(i + 1);
    if (j > 0) {
      Optional<String> sub = Lines.subpart(src.line(j).strip());
      if (sub.isPresent()) {
        SectionBuilder s = child(currentPart, sub.get(), Optional.empty(), j);
        currentSection = s;
        sheet.section = s;
        sheet.touch(j);
        return j + 1;
      }
    }
    return i + 1;
  }

  /** A line naming a part already seen ("コンテンツ戦略", "知的財産の「創造」 -AIと知的財産権"). */
  private boolean knownPartHeader(int i, String t) {
    String norm = Lines.comparable(t);
    for (SectionBuilder s : sections.values()) {
      if (s.parent != null) {
        continue;
      }
      String titleNorm = Lines.comparable(s.title);
      if (norm.equals(titleNorm)) {
        currentPart = s;
        currentSection = s;
        startSheet(i, s);
        sheet.touch(i);
        return true;
      }
      if (norm.startsWith(titleNorm) && t.length() > s.title.length()) {
        int at = t.indexOf(s.title);
        String rest = at >= 0 ? t.substring(at + s.title.length()).strip() : "";
        Optional<String> sub = Lines.subpart(rest.replaceFirst("^[-－]\\s+", "-"));
        if (sub.isPresent()) {
          currentPart = s;
          SectionBuilder child = child(s, sub.get(), Optional.empty(), i);
          currentSection = child;
          startSheet(i, child);
          sheet.touch(i);
          return true;
        }
      }
    }
    return false;
  }

  /** One area line (a sheet's area header) or a list of them (a contents sheet). */
  private int areaLines(int i) {
    List<Integer> lines = new ArrayList<>();
    int j = i;
    int previous = 0;
    while (j > 0 && j <= src.lineCount()) {
      Optional<Area> a = Lines.area(src.line(j).strip());
      // A list counts up; a number that does not is the header of the sheet after the list.
      if (a.isEmpty() || a.get().number() <= previous) {
        break;
      }
      previous = a.get().number();
      lines.add(j);
      j = nextNonBlank(j + 1);
    }
    if (currentPart == null) {
      newPart(i, "", Optional.empty());
      warnings.add(Problem.warning(file, i, "area listed before any part heading"));
    }
    if (lines.size() > 1) {
      List<Listed> run = new ArrayList<>();
      for (int line : lines) {
        run.add(new Listed(line, Lines.area(src.line(line).strip()).orElseThrow()));
      }
      return contentsList(run);
    }
    Area a = Lines.area(src.line(i).strip()).orElseThrow();
    SectionBuilder s = child(currentPart, a.title(), Optional.of(a.number()), i);
    currentSection = s;
    if (sheet == null || !sheet.headerOnly() || sheet.closed) {
      startSheet(i, s);
    } else {
      sheet.section = s;
    }
    sheet.touch(i);
    return i + 1;
  }

  /**
   * A contents list: the areas of the current part, in order, on a contents sheet of their own; the
   * area marked ** is the one that follows. Its lines are never directions.
   */
  private int contentsList(List<Listed> run) {
    int i = run.get(0).line();
    if (currentPart == null) {
      newPart(i, "", Optional.empty());
      warnings.add(Problem.warning(file, i, "area listed before any part heading"));
    }
    if (sheet == null || !sheet.headerOnly() || sheet.closed) {
      startSheet(i, currentPart);
    }
    sheet.section = currentPart;
    SectionBuilder highlighted = null;
    for (Listed l : run) {
      SectionBuilder s = listedChild(currentPart, l.area(), l.line());
      sheet.listed.add(s);
      if (l.area().highlighted()) {
        highlighted = s;
      }
      sheet.touch(l.line());
    }
    sheet.highlighted = highlighted;
    sheet.closed = true;
    currentSection = highlighted != null ? highlighted : currentPart;
    return run.get(run.size() - 1).line() + 1;
  }

  /** The area a contents list names: one already seen with its title, else by its number. */
  private SectionBuilder listedChild(SectionBuilder parent, Area a, int line) {
    for (SectionBuilder s : sections.values()) {
      if (s.parent == parent && Lines.comparable(s.title).equals(Lines.comparable(a.title()))) {
        return s;
      }
    }
    return child(parent, a.title(), Optional.of(a.number()), line);
  }

  private void newPart(int line, String title, Optional<Integer> number) {
    int ordinal = (int) sections.values().stream().filter(s -> s.parent == null).count() + 1;
    SectionBuilder s = new SectionBuilder(String.valueOf(ordinal), number, title, null, line);
    sections.put(s.key, s);
    currentPart = s;
    currentSection = s;
  }

  /** The child of {@code parent} with this number (or title), created on first sight. */
  private SectionBuilder child(
      SectionBuilder parent, String title, Optional<Integer> number, int line) {
    for (SectionBuilder s : sections.values()) {
      if (s.parent == parent
          && (number.isPresent()
              ? number.equals(s.number)
              : Lines.comparable(s.title).equals(Lines.comparable(title)))) {
        return s;
      }
    }
    long siblings = sections.values().stream().filter(s -> s.parent == parent).count();
    String local = number.map(String::valueOf).orElse(String.valueOf(siblings + 1));
    String key = parent.key + "-" + local;
    while (sections.containsKey(key)) {
      key = key + "x";
    }
    SectionBuilder s = new SectionBuilder(key, number, title, parent, line);
    sections.put(key, s);
    return s;
  }

  private void programHeading(int i) {
    closeOpen();
    if (sheet == null
        || sheet.closed
        || (sheet.sawProgramHeading && sheet.hasItems())
        || sheet.hasEntries()) {
      startSheet(i, currentSection != null ? currentSection : requirePart(i));
    }
    sheet.zone = Zone.DIRECTIONS;
    sheet.sawProgramHeading = true;
    sheet.touch(i);
  }

  private SectionBuilder requirePart(int i) {
    if (currentPart == null) {
      newPart(i, "", Optional.empty());
      warnings.add(Problem.warning(file, i, "content before any section heading"));
    }
    return currentPart;
  }

  private void ensureSheet(int i) {
    if (sheet == null || sheet.closed) {
      startSheet(i, currentSection != null ? currentSection : requirePart(i));
    }
  }

  private void startSheet(int line, SectionBuilder section) {
    closeSheet(line - 1);
    sheet = new SheetBuilder(file, sheets.size() + 1, section, line);
    sheets.add(sheet);
  }

  private void closeSheet(int upTo) {
    closeOpen();
    if (sheet == null) {
      return;
    }
    sheet.closed = true;
    resolveAddresses(sheet);
  }

  // ---------------------------------------------------------------- items

  private void bulletLine(int i, Bullet b) {
    Relist r = Lines.relist(b.text());
    if (openEntry != null && openEntry.accepts(b.style())) {
      openEntry.addItem(i, r.text(), b.style());
      openEntry.relistMarked |= r.marked();
      sheet.touch(i);
      return;
    }
    ensureSheet(i);
    closeOpen();
    if (sheet.zone == Zone.NONE && currentSection != null && currentSection.lead == null) {
      LeadBuilder lead = new LeadBuilder(sheet.ordinal, r.text(), i);
      currentSection.lead = lead;
      openLead = lead;
      sheet.touch(i);
      return;
    }
    if (sheet.zone == Zone.NONE) {
      sheet.zone = Zone.DIRECTIONS;
    }
    addDirection(i, i, r.text(), r.marked());
  }

  private DirectionBuilder addDirection(int start, int end, String text, boolean marked) {
    if (sheet.lastWasEntry || sheet.block.isEmpty()) {
      sheet.block = new ArrayList<>();
      sheet.blocks.add(sheet.block);
    }
    sheet.lastWasEntry = false;
    DirectionBuilder d =
        new DirectionBuilder(
            sheet.ordinal + "-" + (sheet.directions.size() + 1), sheet, text, start, marked);
    d.end = end;
    sheet.directions.add(d);
    sheet.block.add(d);
    directions.add(d);
    openDirection = d;
    sheet.touch(end);
    return d;
  }

  private void startEntry(int i, Tag tag) {
    ensureSheet(i);
    closeOpen();
    sheet.zone = Zone.PROGRESS;
    EntryBuilder e = newEntry(i, tag.name());
    Relist r = Lines.relist(tag.rest());
    if (!r.text().isEmpty()) {
      e.paragraphs.add(r.text());
    }
    e.relistMarked = r.marked();
    e.tagOnly = tag.rest().isEmpty();
    openEntry = e;
  }

  private EntryBuilder newEntry(int i, String tagName) {
    EntryBuilder e =
        new EntryBuilder(sheet.ordinal + "-" + (sheet.entries.size() + 1), sheet, tagName, i);
    e.anchor = sheet.blocks.isEmpty() ? null : sheet.block;
    sheet.entries.add(e);
    sheet.lastWasEntry = true;
    entries.add(e);
    sheet.touch(i);
    return e;
  }

  private void paragraph(int i, String t) {
    if (title != null && readCoverDetail(i, t)) {
      return;
    }
    Relist r = Lines.relist(t);
    if (openEntry != null) {
      if (openEntry.items.isEmpty()) {
        openEntry.paragraphs.add(r.text());
      } else {
        openEntry.continueLastItem(i, r.text());
      }
      openEntry.relistMarked |= r.marked();
      openEntry.end = i;
      sheet.touch(i);
      return;
    }
    if (openDirection != null) {
      openDirection.text = openDirection.text + "\n" + r.text();
      openDirection.marked |= r.marked();
      openDirection.end = i;
      sheet.touch(i);
      return;
    }
    if (openLead != null) {
      openLead.text = openLead.text + "\n" + t;
      openLead.end = i;
      sheet.touch(i);
      return;
    }
    warnings.add(Problem.warning(file, i, "line not recognised, ignored: " + abbreviate(t)));
  }

  private void closeOpen() {
    openEntry = null;
    openDirection = null;
    openLead = null;
  }

  // ---------------------------------------------------------------- HTML tables

  private void tableRow(int i, String t) {
    ensureSheet(i);
    closeOpen();
    TableRow row = TableRow.parse(t);
    if (row.cells().isEmpty()) {
      warnings.add(Problem.warning(file, i, "table row without text, ignored"));
      return;
    }
    List<DirectionBuilder> rowDirections = new ArrayList<>();
    for (String text : row.directions()) {
      Relist r = Lines.relist(text);
      rowDirections.add(addDirection(i, i, r.text(), r.marked()));
    }
    closeOpen();
    List<DirectionBuilder> anchor = rowDirections.isEmpty() ? sheet.block : rowDirections;
    EntryBuilder e = null;
    for (TableRow.Block block : row.progress()) {
      Optional<Tag> tag = Lines.leadingTag(block.text());
      if (tag.isPresent()) {
        e = newEntry(i, tag.get().name());
        e.anchor = anchor.isEmpty() ? null : anchor;
        Relist r = Lines.relist(tag.get().rest());
        if (!r.text().isEmpty()) {
          e.paragraphs.add(r.text());
        }
        e.relistMarked = r.marked();
        e.tagOnly = r.text().isEmpty();
      } else if (e == null) {
        warnings.add(
            Problem.warning(
                file, i, "progress text without a 【…】 tag, ignored: " + abbreviate(block.text())));
      } else {
        Relist r = Lines.relist(block.text());
        if (block.listItem()) {
          e.addItem(i, r.text(), BulletStyle.DASH);
        } else {
          e.paragraphs.add(r.text());
        }
        e.relistMarked |= r.marked();
      }
    }
    sheet.zone = Zone.PROGRESS;
    sheet.touch(i);
  }

  // ---------------------------------------------------------------- addresses and relists

  /**
   * Which directions each entry of a sheet answers: the block of directions that precedes it on the
   * sheet. A sheet with one block (directions first, entries after) thus gives every entry every
   * direction; a sheet that interleaves directions and entries gives each entry its own. A sheet
   * without directions continues the last block of the previous sheet of the same section.
   */
  private void resolveAddresses(SheetBuilder s) {
    List<DirectionBuilder> fallback = s.directions;
    if (fallback.isEmpty()) {
      for (int k = sheets.indexOf(s) - 1; k >= 0; k--) {
        SheetBuilder prev = sheets.get(k);
        if (prev.section == s.section && !prev.blocks.isEmpty()) {
          fallback = prev.blocks.get(prev.blocks.size() - 1);
          break;
        }
        if (prev.section != s.section) {
          break;
        }
      }
    }
    for (EntryBuilder e : s.entries) {
      List<DirectionBuilder> target = e.anchor != null ? e.anchor : fallback;
      e.addresses = target.stream().map(d -> d.id).toList();
      if (target.isEmpty()) {
        warnings.add(
            Problem.warning(
                file, e.start, "progress entry with no direction to answer on its sheet"));
      }
    }
  }

  private void checkComplete() {
    if (title == null || title.isEmpty()) {
      if (title == null) {
        errors.add(
            Problem.error(
                file, 1, "no report title found: expected a line like 「知的財産推進計画2025」の進捗状況"));
      }
      return;
    }
    if (directions.isEmpty() && entries.isEmpty()) {
      errors.add(
          Problem.error(
              file,
              titleLine,
              "no recognisable sheet: no 「知的財産推進計画…の方向性」 heading, direction or 【…】 progress entry"));
      return;
    }
    SheetBuilder last = sheets.get(sheets.size() - 1);
    int lastLine = last.end;
    if (last.sawProgressHeading && last.entries.isEmpty()) {
      errors.add(
          Problem.error(
              file,
              lastLine,
              "truncated report: the last sheet (from line "
                  + last.start
                  + ") opens 主な進捗状況 but no progress entry follows"));
    } else if (last.sawProgramHeading && last.directions.isEmpty() && last.entries.isEmpty()) {
      errors.add(
          Problem.error(
              file,
              lastLine,
              "truncated report: the last sheet (from line "
                  + last.start
                  + ") has a 方向性 heading and nothing after it"));
    } else if (!last.directions.isEmpty() && last.entries.isEmpty() && !last.isContents()) {
      errors.add(
          Problem.error(
              file,
              lastLine,
              "truncated report: the last sheet (from line "
                  + last.start
                  + ") has directions but no progress entries"));
    } else if (!entries.isEmpty()) {
      EntryBuilder e = entries.get(entries.size() - 1);
      if (e.sheet == last && e.text().isEmpty()) {
        errors.add(
            Problem.error(
                file,
                e.start,
                "truncated report: the last progress entry 【" + e.tag + "】 has no text"));
      } else if (e.sheet == last
          && !src.endsWithNewline()
          && !endsLikeSentence(src.line(src.lineCount()))) {
        errors.add(
            Problem.error(
                file,
                src.lineCount(),
                "truncated report: the file ends in the middle of a line: "
                    + abbreviate(src.line(src.lineCount()).strip())));
      }
    }
    for (SheetBuilder s : sheets) {
      if (s != last && !s.directions.isEmpty() && s.entries.isEmpty()) {
        warnings.add(
            Problem.warning(file, s.start, "sheet has directions but no progress entries"));
      }
    }
  }

  private static boolean endsLikeSentence(String line) {
    String t = line.strip();
    return t.isEmpty() || "。．.）)」』】>".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  /**
   * Links each item that repeats an earlier one (by its text, whitespace and width ignored) to the
   * first occurrence; an item marked 【再掲】 with no earlier twin is linked to a later one, or warned
   * about.
   */
  private void linkRelists() {
    Map<String, DirectionBuilder> firstDirection = new HashMap<>();
    for (DirectionBuilder d : directions) {
      firstDirection.putIfAbsent(Lines.comparable(d.text), d);
    }
    for (DirectionBuilder d : directions) {
      DirectionBuilder original = firstDirection.get(Lines.comparable(d.text));
      if (original != d) {
        d.relistedFrom = original.id;
      } else if (d.marked) {
        warnings.add(
            Problem.warning(
                file, d.start, "direction marked 【再掲】 but no other direction has its text"));
      }
    }
    Map<String, EntryBuilder> firstEntry = new HashMap<>();
    for (EntryBuilder e : entries) {
      if (!e.text().isEmpty()) {
        firstEntry.putIfAbsent(Lines.comparable(e.text()), e);
      }
    }
    for (EntryBuilder e : entries) {
      EntryBuilder original = firstEntry.get(Lines.comparable(e.text()));
      if (original != null && original != e) {
        e.relistedFrom = original.id;
      } else if (e.relistMarked) {
        warnings.add(
            Problem.warning(
                file, e.start, "progress entry marked 【再掲】 but no other entry has its text"));
      }
    }
  }

  // ---------------------------------------------------------------- build

  private Report build() {
    linkRelists();
    List<Section> sectionList = new ArrayList<>();
    for (SectionBuilder s : sections.values()) {
      sectionList.add(s.build(file));
    }
    List<Sheet> sheetList = new ArrayList<>();
    for (SheetBuilder s : sheets) {
      sheetList.add(
          new Sheet(
              s.ordinal,
              s.section.key,
              new SourceSpan(file, s.start, Math.max(s.start, s.end)),
              s.listed.stream().map(x -> x.key).toList(),
              Optional.ofNullable(s.highlighted).map(x -> x.key)));
    }
    List<Direction> directionList = new ArrayList<>();
    for (DirectionBuilder d : directions) {
      directionList.add(
          new Direction(
              d.id,
              d.sheet.ordinal,
              d.sheet.section.key,
              d.text,
              new SourceSpan(file, d.start, d.end),
              d.marked,
              Optional.ofNullable(d.relistedFrom)));
    }
    List<ProgressEntry> entryList = new ArrayList<>();
    for (EntryBuilder e : entries) {
      if (e.text().isEmpty()) {
        warnings.add(Problem.warning(file, e.start, "progress entry 【" + e.tag + "】 has no text"));
      }
      entryList.add(
          new ProgressEntry(
              e.id,
              e.sheet.ordinal,
              e.sheet.section.key,
              e.tag,
              BodyTags.split(e.tag),
              e.text(),
              e.items,
              new SourceSpan(file, e.start, e.end),
              e.addresses,
              e.relistMarked,
              Optional.ofNullable(e.relistedFrom)));
    }
    warnings.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : 0);
    return new Report(
        file,
        src.sha256(),
        title,
        programTitle,
        programYear,
        Optional.ofNullable(issued),
        Optional.ofNullable(publisher),
        SourceSpan.line(file, titleLine),
        sectionList,
        sheetList,
        directionList,
        entryList,
        warnings);
  }

  // ---------------------------------------------------------------- helpers

  private int nextNonBlank(int from) {
    for (int j = from; j <= src.lineCount(); j++) {
      if (!src.line(j).isBlank()) {
        return j;
      }
    }
    return -1;
  }

  /** Whether the next line with text is an area line or starts a contents list. */
  private boolean nextNonBlankIsArea(int i) {
    return startsList(nextNonBlank(i + 1));
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private enum Zone {
    /** Before the sheet's 方向性 heading. */
    NONE,
    /** After the 方向性 heading: bullets are directions. */
    DIRECTIONS,
    /** After 主な進捗状況 or a tag: bullets are sub-items or interleaved directions. */
    PROGRESS
  }

  private static final class SectionBuilder {
    final String key;
    final Optional<Integer> number;
    final String title;
    final SectionBuilder parent;
    final int line;
    LeadBuilder lead;

    SectionBuilder(
        String key, Optional<Integer> number, String title, SectionBuilder parent, int line) {
      this.key = key;
      this.number = number;
      this.title = title;
      this.parent = parent;
      this.line = line;
    }

    Section build(String file) {
      return new Section(
          key,
          number,
          title,
          Optional.ofNullable(parent).map(p -> p.key),
          SourceSpan.line(file, line),
          Optional.ofNullable(lead)
              .map(l -> new LeadStatement(l.text, l.sheet, new SourceSpan(file, l.start, l.end))));
    }
  }

  private static final class SheetBuilder {
    final String file;
    final int ordinal;
    final int start;
    SectionBuilder section;
    int end;
    boolean closed;
    boolean sawProgramHeading;
    boolean sawProgressHeading;
    boolean lastWasEntry;
    Zone zone = Zone.NONE;
    final List<SectionBuilder> listed = new ArrayList<>();
    SectionBuilder highlighted;
    final List<DirectionBuilder> directions = new ArrayList<>();
    final List<EntryBuilder> entries = new ArrayList<>();
    final List<List<DirectionBuilder>> blocks = new ArrayList<>();
    List<DirectionBuilder> block = new ArrayList<>();

    SheetBuilder(String file, int ordinal, SectionBuilder section, int start) {
      this.file = file;
      this.ordinal = ordinal;
      this.section = section;
      this.start = start;
      this.end = start;
    }

    void touch(int line) {
      end = Math.max(end, line);
    }

    boolean hasItems() {
      return !directions.isEmpty() || !entries.isEmpty();
    }

    boolean hasEntries() {
      return !entries.isEmpty();
    }

    boolean isContents() {
      return !listed.isEmpty();
    }

    /** Nothing but section titles so far. */
    boolean headerOnly() {
      return !sawProgramHeading
          && !sawProgressHeading
          && directions.isEmpty()
          && entries.isEmpty()
          && listed.isEmpty()
          && (section == null || section.lead == null || section.lead.sheet != ordinal);
    }
  }

  private static final class LeadBuilder {
    final int sheet;
    final int start;
    int end;
    String text;

    LeadBuilder(int sheet, String text, int start) {
      this.sheet = sheet;
      this.text = text;
      this.start = start;
      this.end = start;
    }
  }

  private static final class DirectionBuilder {
    final String id;
    final SheetBuilder sheet;
    final int start;
    int end;
    String text;
    boolean marked;
    String relistedFrom;

    DirectionBuilder(String id, SheetBuilder sheet, String text, int start, boolean marked) {
      this.id = id;
      this.sheet = sheet;
      this.text = text;
      this.start = start;
      this.end = start;
      this.marked = marked;
    }
  }

  private static final class EntryBuilder {
    final String id;
    final SheetBuilder sheet;
    final String tag;
    final int start;
    int end;
    boolean tagOnly;
    boolean relistMarked;
    BulletStyle itemStyle;
    final List<String> paragraphs = new ArrayList<>();
    final List<EntryItem> items = new ArrayList<>();
    List<DirectionBuilder> anchor;
    List<String> addresses = List.of();
    String relistedFrom;

    EntryBuilder(String id, SheetBuilder sheet, String tag, int start) {
      this.id = id;
      this.sheet = sheet;
      this.tag = tag;
      this.start = start;
      this.end = start;
    }

    /**
     * Whether a bullet of this style is one of this entry's sub-items. ・ items belong to any entry;
     * other bullets only to an entry whose tag stands alone, and only while they keep the style of
     * its first item (a different bullet after "- ・" items is the next direction).
     */
    boolean accepts(BulletStyle style) {
      if (itemStyle != null) {
        return style == itemStyle;
      }
      if (style == BulletStyle.DOT) {
        return true;
      }
      return tagOnly && paragraphs.isEmpty();
    }

    void addItem(int line, String text, BulletStyle style) {
      if (itemStyle == null) {
        itemStyle = style;
      }
      items.add(new EntryItem(items.size() + 1, text, SourceSpan.line(sheet.file, line)));
      end = Math.max(end, line);
    }

    /** A paragraph after the entry's items continues its last item. */
    void continueLastItem(int line, String text) {
      EntryItem last = items.remove(items.size() - 1);
      items.add(
          new EntryItem(last.ordinal(), last.text() + "\n" + text, last.span().extendTo(line)));
      end = Math.max(end, line);
    }

    String text() {
      List<String> parts = new ArrayList<>(paragraphs);
      for (EntryItem item : items) {
        parts.add(item.text());
      }
      return String.join("\n", parts);
    }
  }
}
