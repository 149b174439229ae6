package kg.chizai.extract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import kg.chizai.base.Problem;
import kg.chizai.model.Attribution;
import kg.chizai.model.Body;
import kg.chizai.model.Direction;
import kg.chizai.model.Mention;
import kg.chizai.model.Mentions;
import kg.chizai.model.NamedThing;
import kg.chizai.model.Organization;
import kg.chizai.model.Place;
import kg.chizai.model.ProgressEntry;
import kg.chizai.model.Quantity;
import kg.chizai.model.Report;
import kg.chizai.model.Section;
import kg.chizai.model.SourceSpan;
import kg.chizai.model.Statute;
import kg.chizai.source.SourceText;

/**
 * What the texts of a report name: statutes and their articles, documents, councils, programs,
 * systems and events, organizations, places, and quantities.
 *
 * <pre>{@code Mentions m = new MentionExtractor(tables).extract(report, source, attribution);}
 * </pre>
 */
public final class MentionExtractor {

  /** A thing that is the object of an establishing verb right after it: 「…」を策定. */
  private static final java.util.regex.Pattern OBJECT_OF_VERB =
      java.util.regex.Pattern.compile(
          "(?s)^を(?:策定|作成|公表|構築|開催|設置|運営|発足|開設|取りまとめ|とりまとめ|改訂|新設|創設).*");

  private final ReferenceTables tables;
  private final BodyTable bodies;
  private final StatuteFinder statuteFinder;
  private final ThingFinder thingFinder;
  private final QuantityFinder quantityFinder = new QuantityFinder();
  private final AliasIndex<Organization> organizations = new AliasIndex<>();
  private final AliasIndex<Place> places = new AliasIndex<>();

  public MentionExtractor(ReferenceTables tables) {
    this.tables = tables;
    this.bodies = tables.bodies();
    this.statuteFinder = new StatuteFinder(tables);
    this.thingFinder = new ThingFinder(tables);
    for (Organization o : tables.organizations().values()) {
      organizations.add(o.nameJa(), o);
      o.altLabels().forEach(a -> organizations.add(a, o));
    }
    for (Place p : tables.places().values()) {
      if (p.iso3166().orElse("").equals("JP")) {
        continue; // the reports' own country: every other line says 日本
      }
      places.add(p.nameJa(), p);
      p.altLabels().forEach(a -> places.add(a, p));
    }
  }

  /** An item whose text is scanned: a direction, an entry or a lead statement. */
  private record Item(String key, String text, SourceSpan span, List<String> bodyIds) {}

  public Mentions extract(Report report, SourceText src, Attribution who) {
    LocalDate reportDate =
        report
            .issued()
            .map(YearMonth::atEndOfMonth)
            .orElse(LocalDate.of(report.programYear() + 1, 12, 31));
    List<Item> items = new ArrayList<>();
    for (Section s : report.sections()) {
      s.lead()
          .ifPresent(l -> items.add(new Item("lead:" + s.key(), l.text(), l.span(), List.of())));
    }
    for (Direction d : report.directions()) {
      items.add(new Item("direction:" + d.id(), d.text(), d.span(), List.of()));
    }
    for (ProgressEntry e : report.entries()) {
      items.add(
          new Item(
              "entry:" + e.id(),
              e.text(),
              e.span(),
              who.bodiesByEntry().getOrDefault(e.id(), List.of())));
    }
    List<Mention> mentions = new ArrayList<>();
    Map<String, Statute> statutes = new TreeMap<>();
    Map<String, NamedThing> things = new TreeMap<>();
    Map<String, Organization> orgs = new TreeMap<>();
    Map<String, Place> placeMap = new TreeMap<>();
    List<Quantity> quantities = new ArrayList<>();
    Map<String, List<String>> foreign = new LinkedHashMap<>();
    List<Problem> unresolved = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    for (Item item : items) {
      StatuteFinder.Result laws = statuteFinder.find(item.text(), reportDate);
      for (StatuteFinder.Found f : laws.found()) {
        Statute s = tables.statutes().get(f.lawId());
        statutes.put(s.id(), s);
        s.amends().forEach(a -> statutes.put(a, tables.statutes().get(a)));
        mentions.add(
            new Mention(
                item.key(),
                Mention.Kind.STATUTE,
                s.id(),
                f.article(),
                f.surface(),
                line(src, item, f.surface())));
      }
      for (StatuteFinder.NotLinked n : laws.notLinked()) {
        int line = line(src, item, n.surface());
        if (n.foreign()) {
          foreign.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(n.surface());
        } else if (n.surface().equals("同法")) {
          warnings.add(
              Problem.warning(
                  report.file(), line, "同法 with no statute named before it; not linked"));
        } else {
          Problem p =
              Problem.warning(
                  report.file(),
                  line,
                  "law-like name "
                      + n.surface()
                      + " is not in data/reference/statutes.json; not linked");
          unresolved.add(p);
          warnings.add(p);
        }
      }
      List<int[]> named = new ArrayList<>();
      laws.found().forEach(f -> named.add(new int[] {f.start(), f.end()}));
      for (ThingFinder.Found f : thingFinder.find(item.text())) {
        named.add(new int[] {f.start(), f.end()});
        NamedThing t = withIssuer(f, item);
        NamedThing merged = merge(things.get(t.id()), t, f.version());
        things.put(t.id(), merged);
        mentions.add(
            new Mention(
                item.key(),
                Mention.Kind.THING,
                t.id(),
                Optional.empty(),
                f.surface(),
                line(src, item, f.surface())));
      }
      List<AliasIndex.Hit<Organization>> orgHits = organizations.find(item.text());
      List<AliasIndex.Hit<Place>> placeHits = places.find(item.text());
      // A name inside a longer name (映適 in 映適取引ガイドライン, ASEAN in ASEAN地域) is not a mention of its
      // own.
      orgHits.forEach(h -> named.add(new int[] {h.start(), h.end()}));
      placeHits.forEach(h -> named.add(new int[] {h.start(), h.end()}));
      orgHits = orgHits.stream().filter(h -> !inside(h.start(), h.end(), named)).toList();
      placeHits = placeHits.stream().filter(h -> !inside(h.start(), h.end(), named)).toList();
      addAll(orgHits, Mention.Kind.ORGANIZATION, orgs, Organization::id, item, src, mentions);
      addAll(placeHits, Mention.Kind.PLACE, placeMap, Place::id, item, src, mentions);
      int ordinal = 0;
      for (QuantityFinder.Found q : quantityFinder.find(item.text())) {
        quantities.add(
            new Quantity(
                item.key(),
                ++ordinal,
                q.value(),
                q.unit(),
                q.approximate(),
                q.counted(),
                q.targetYear(),
                q.surface(),
                line(src, item, q.surface())));
      }
    }
    // Close the references: parents of places and things, bodies responsible for things.
    for (Place p : List.copyOf(placeMap.values())) {
      Optional<String> parent = p.parent();
      while (parent.isPresent() && tables.places().containsKey(parent.get())) {
        Place up = tables.places().get(parent.get());
        placeMap.put(up.id(), up);
        parent = up.parent();
      }
    }
    for (NamedThing t : List.copyOf(things.values())) {
      Optional<String> parent = t.parent();
      while (parent.isPresent() && tables.names().containsKey(parent.get())) {
        NamedThing up = resolveIssuer(tables.names().get(parent.get()));
        things.putIfAbsent(up.id(), up);
        parent = up.parent();
      }
    }
    Map<String, Body> responsible = new TreeMap<>();
    for (NamedThing t : things.values()) {
      t.issuer()
          .filter(i -> i.startsWith("body:"))
          .ifPresent(
              i -> bodies.withAncestors(i.substring(5)).forEach(b -> responsible.put(b.id(), b)));
      t.issuer()
          .filter(i -> i.startsWith("org:"))
          .map(i -> tables.organizations().get(i.substring(4)))
          .ifPresent(o -> orgs.put(o.id(), o));
    }
    return new Mentions(
        dedupe(mentions),
        List.copyOf(mentions),
        statutes,
        things,
        orgs,
        placeMap,
        responsible,
        quantities,
        foreign,
        unresolved,
        warnings);
  }

  /** The issuer the text names (Xが策定した「…」), or the entry's only body when it made the thing. */
  private NamedThing withIssuer(ThingFinder.Found f, Item item) {
    NamedThing t = resolveIssuer(f.thing());
    if (t.issuer().isPresent()) {
      return t;
    }
    Optional<String> issuer = Optional.empty();
    if (f.issuerName().isPresent()) {
      String name = f.issuerName().get();
      List<AliasIndex.Hit<Organization>> hits = organizations.find(name);
      if (!hits.isEmpty()) {
        issuer = Optional.of("org:" + hits.get(hits.size() - 1).value().id());
      } else {
        issuer = bodies.lookup(name).map(b -> "body:" + b.id());
      }
    }
    if (issuer.isEmpty() && item.bodyIds().size() == 1) {
      String after = item.text().substring(f.end());
      if (OBJECT_OF_VERB.matcher(after).matches()) {
        issuer = Optional.of("body:" + item.bodyIds().get(0));
      }
    }
    if (issuer.isEmpty()) {
      return t;
    }
    return t.with(issuer, t.versions());
  }

  /** A table row's issuer id, qualified as a body or an organization. */
  private NamedThing resolveIssuer(NamedThing t) {
    if (t.issuer().isEmpty() || t.issuer().get().contains(":")) {
      return t;
    }
    String id = t.issuer().get();
    Optional<String> qualified =
        !bodies.withAncestors(id).isEmpty()
            ? Optional.of("body:" + id)
            : tables.organizations().containsKey(id) ? Optional.of("org:" + id) : Optional.empty();
    return t.with(qualified, t.versions());
  }

  private static NamedThing merge(NamedThing old, NamedThing t, Optional<String> version) {
    List<String> versions = new ArrayList<>(old == null ? List.of() : old.versions());
    version.filter(v -> !versions.contains(v)).ifPresent(versions::add);
    Optional<String> issuer = old != null && old.issuer().isPresent() ? old.issuer() : t.issuer();
    return t.with(issuer, versions);
  }

  private static <T> void addAll(
      List<AliasIndex.Hit<T>> hits,
      Mention.Kind kind,
      Map<String, T> found,
      Function<T, String> idOf,
      Item item,
      SourceText src,
      List<Mention> mentions) {
    for (AliasIndex.Hit<T> h : hits) {
      String id = idOf.apply(h.value());
      found.put(id, h.value());
      mentions.add(
          new Mention(
              item.key(), kind, id, Optional.empty(), h.surface(), line(src, item, h.surface())));
    }
  }

  /** Whether [start, end) lies strictly inside a longer named span. */
  private static boolean inside(int start, int end, List<int[]> spans) {
    for (int[] s : spans) {
      if (s[0] <= start && end <= s[1] && (s[1] - s[0]) > (end - start)) {
        return true;
      }
    }
    return false;
  }

  /** One mention per item, kind, target and article (the first occurrence's line and surface). */
  private static List<Mention> dedupe(List<Mention> mentions) {
    Map<String, Mention> seen = new LinkedHashMap<>();
    for (Mention m : mentions) {
      seen.putIfAbsent(
          m.item() + "|" + m.kind() + "|" + m.target() + "|" + m.article().orElse(""), m);
    }
    return List.copyOf(seen.values());
  }

  /** The first source line of the item that contains the surface (else the item's first line). */
  private static int line(SourceText src, Item item, String surface) {
    String probe = surface.length() > 12 ? surface.substring(0, 12) : surface;
    for (int n = item.span().lineStart(); n <= item.span().lineEnd() && n <= src.lineCount(); n++) {
      if (src.line(n).contains(probe)) {
        return n;
      }
    }
    return item.span().lineStart();
  }
}
