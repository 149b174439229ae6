#!/usr/bin/env python3
"""Measures how many of the times a report states are in the graph, on the right node, with the right value.

An independent scan of the report's text (its own simple patterns and arithmetic, not the converter's
normaliser) finds every era (令和/平成/昭和), Western and fiscal-year (年度) expression outside names
(「…」, …2025年版) on the lines of directions, entries and lead statements. Each must be a
ckg:StatedTime at its line and column, stated by an item whose lines hold it, with the value the scan
computed. The script also counts how many of them date an event (what the graph had before stated
times: only times that a verb of the event-type scheme carried), the stated times by role and the
events by type. Standard library only.

    python3 bench/time_recall.py [--report data/source/….txt] [--graph out.nt]

Without --graph it converts the report with ./chizai-kg (building the jar if needed).
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.path.join(ROOT, "data", "source", "ip-strategic-program-2025-progress-2026-04.txt")
CKG = "https://w3id.org/chizai-kg/def#"
TIME = "http://www.w3.org/2006/time#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

ERA = re.compile(r"(令和|平成|昭和)\s*(元|\d{1,2})\s*年(?:(度)|\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")
WESTERN = re.compile(r"(?<!\d)(\d{4})\s*年(?:(度)|\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")
ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925}
TRIPLE = re.compile(r'^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[\w-]+)?)')


def convert(report):
    out = os.path.join(tempfile.mkdtemp(prefix="time-recall-"), "graph.nt")
    subprocess.run([os.path.join(ROOT, "chizai-kg"), "convert", report, "--output", out, "--quiet"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return out


def load(path):
    """Subject -> predicate -> [objects], IRIs without brackets, literals as their lexical form."""
    g = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = TRIPLE.match(line)
            if not m:
                continue
            s, p, o = m.group(1).strip("<>"), m.group(2), m.group(3)
            if o.startswith('"'):
                o = re.match(r'"((?:[^"\\]|\\.)*)"', o).group(1)
                o = o.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\u" in o else o
            else:
                o = o.strip("<>")
            g[s][p].append(o)
    return g


def quoted(line):
    q, depth = [False] * len(line), 0
    for i, c in enumerate(line):
        if c in "「『":
            depth += 1
        elif c in "」』" and depth:
            depth -= 1
        else:
            q[i] = depth > 0
    return q


def scan(lines):
    """(line, column, surface, value, in a name) for every era and Western year expression."""
    found = []
    for n, line in enumerate(lines, 1):
        q = quoted(line)
        for m in ERA.finditer(line):
            year = ERA_BASE[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
            found.append(item(n, line, q, m, year, m.group(3), m.group(4), m.group(5)))
        for m in WESTERN.finditer(line):
            found.append(item(n, line, q, m, int(m.group(1)), m.group(2), m.group(3), m.group(4)))
    return found


def item(n, line, q, m, year, fiscal, month, day):
    if fiscal or line.startswith("予算", m.end()):
        value = "fy:%d" % year
    elif month is None:
        value = "%d" % year
    elif day is None:
        value = "%d-%02d" % (year, int(month))
    else:
        value = "%d-%02d-%02d" % (year, int(month), int(day))
    name = q[m.start()] or line.startswith("版", m.end())
    return (n, len(line[:m.start()]), m.group(0), value, name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", default=SEED)
    ap.add_argument("--graph", help="the report's graph as N-Triples (default: convert it)")
    a = ap.parse_args()
    g = load(a.graph or convert(a.report))
    with open(a.report, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()

    def typed(cls):
        return [s for s, ps in g.items() if CKG + cls in ps.get(RDF_TYPE, [])]

    def span(s):
        return int(g[s][CKG + "lineStart"][0]), int(g[s][CKG + "lineEnd"][0])

    items = [s for c in ("Direction", "ProgressEntry", "LeadStatement", "EntryItem") for s in typed(c)]
    times = typed("StatedTime")
    stated_by = collections.defaultdict(list)
    for s in items:
        for t in g[s].get(CKG + "statesTime", []):
            stated_by[t].append(s)
    dated = {t for s, ps in g.items() for t in ps.get(TIME + "hasTime", [])}

    def covered(n):
        return any(span(s)[0] <= n <= span(s)[1] for s in items if CKG + "EntryItem" not in g[s][RDF_TYPE])

    def value_of(t):
        vals = set(g[t].get(CKG + "date", []))
        vals |= {"fy:" + v.rsplit("/", 1)[1] for v in g[t].get(CKG + "fiscalYear", [])}
        return vals

    total = hit = as_event = 0
    missing = []
    for n, col, surface, value, name in scan(lines):
        if name or not covered(n):
            continue
        total += 1
        match = [t for t in times
                 if int(g[t][CKG + "lineStart"][0]) == n
                 and int(g[t][CKG + "startOffset"][0]) <= col
                 and (int(g[t][CKG + "lineEnd"][0]) > n or col < int(g[t][CKG + "endOffset"][0]))
                 and value in value_of(t)
                 and any(span(s)[0] <= n <= span(s)[1] for s in stated_by[t])]
        if match:
            hit += 1
            as_event += any(t in dated for t in match)
        else:
            missing.append("%d:%d %s = %s" % (n, col, surface, value))

    roles = collections.Counter(r.rsplit("#", 1)[1] for t in times for r in g[t].get(CKG + "timeRole", []))
    events = collections.Counter(e.rsplit("#", 1)[1] for s in typed("Event") for e in g[s][CKG + "eventType"])
    print("report: %s" % os.path.relpath(a.report, ROOT))
    print("times outside names on the lines of items (independent scan): %d" % total)
    print("  in the graph on their item with their value: %d (recall %.3f)" % (hit, hit / total if total else 0))
    print("  of which the date of an event: %d (%.3f)" % (as_event, as_event / total if total else 0))
    for m in missing:
        print("  missing: " + m)
    print("stated times: %d; by role: %s" % (len(times), ", ".join("%s %d" % kv for kv in sorted(roles.items()))))
    print("  with no role: %d" % sum(1 for t in times if not g[t].get(CKG + "timeRole")))
    print("events: %d; by type: %s" % (sum(events.values()), ", ".join("%s %d" % kv for kv in sorted(events.items()))))
    return 0 if not missing else 1


if __name__ == "__main__":
    sys.exit(main())
