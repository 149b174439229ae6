#!/usr/bin/env python3
"""Measures ./chizai-kg serve: cold build, restart on a reused store, first query, warm lookups.

Runs the packaged jar (build it first: mvn -q -B -DskipTests package) several times and prints
medians, because the machine is noisy. Standard library only.

    python3 bench/serve_bench.py [--runs 5] [--lookups 200] [--port 3099]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAR = os.path.join(ROOT, "target", "chizai-kg.jar")
ENTRY = "id/report/2025-progress/entry/14-2"
QUADS = [0]


def start(store, port):
    """Starts the server; returns (process, seconds to the 'serving' line, the build line or None)."""
    t0 = time.monotonic()
    p = subprocess.Popen(
        ["java", "-jar", JAR, "serve", "--store", store, "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    built = None
    for line in p.stdout:
        if line.startswith("store ") and " built in " in line:
            built = float(line.split(" built in ")[1].split()[0])
        if line.startswith("serving "):
            QUADS[0] = int(line.split()[1])
            ready = time.monotonic() - t0
            threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()
            return p, ready, built
    raise SystemExit("server did not start")


def stop(p):
    p.terminate()
    p.wait(timeout=30)


def timed(url, data=None, accept=None):
    req = urllib.request.Request(url, data=data)
    if accept:
        req.add_header("Accept", accept)
    t0 = time.monotonic()
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        assert r.status == 200, r.status
    return time.monotonic() - t0


HITS = [0]


def hits(base, word):
    """The hit count the search page shows for a word."""
    with urllib.request.urlopen(base + "search?q=" + urllib.parse.quote(word), timeout=60) as r:
        page = r.read().decode("utf-8")
    return int(page.split('<span class="hits">')[1].split("<")[0])


def query(base, text):
    data = urllib.parse.urlencode({"query": text}).encode()
    return timed(base + "sparql", data, "application/sparql-results+json")


def med(xs):
    return statistics.median(xs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--lookups", type=int, default=200)
    ap.add_argument("--port", type=int, default=3099)
    a = ap.parse_args()
    if not os.path.exists(JAR):
        sys.exit("build the jar first: mvn -q -B -DskipTests package")
    base = "http://localhost:%d/" % a.port
    q1 = open(os.path.join(ROOT, "queries", "entries-by-ministry.rq"), encoding="utf-8").read()
    q2 = open(os.path.join(ROOT, "queries", "joint-entries.rq"), encoding="utf-8").read()
    cold, built, warm_start, first = [], [], [], []
    lookups = {"entry page (HTML)": [], "entry (Turtle)": [], "SPARQL joint-entries": [],
               "search 海賊版": []}
    tmp = tempfile.mkdtemp(prefix="chizai-bench-")
    try:
        for i in range(a.runs):
            store = os.path.join(tmp, "store")
            shutil.rmtree(store, ignore_errors=True)
            p, ready, b = start(store, a.port)          # fresh store: convert, load, index
            cold.append(ready)
            built.append(b)
            stop(p)
            p, ready, b = start(store, a.port)          # same store: reused
            assert b is None, "store was rebuilt on restart"
            warm_start.append(ready)
            first.append(query(base, q1))
            HITS[0] = hits(base, "海賊版")
            for _ in range(a.lookups // 4):
                lookups["entry page (HTML)"].append(timed(base + ENTRY, accept="text/html"))
                lookups["entry (Turtle)"].append(timed(base + ENTRY, accept="text/turtle"))
                lookups["SPARQL joint-entries"].append(query(base, q2))
                lookups["search 海賊版"].append(
                    timed(base + "search?q=" + urllib.parse.quote("海賊版")))
            stop(p)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("runs: %d, lookups per kind per run: %d, cores: %d" % (a.runs, a.lookups // 4, os.cpu_count()))
    print("launch to serving, fresh store  : median %.2f s  (min %.2f, max %.2f)" % (med(cold), min(cold), max(cold)))
    print("  of which convert+load+index   : median %.2f s" % med(built))
    print("launch to serving, reused store : median %.2f s  (min %.2f, max %.2f)" % (med(warm_start), min(warm_start), max(warm_start)))
    print("restart / fresh                 : %.2f" % (med(warm_start) / med(cold)))
    print("first query after start         : median %.0f ms" % (1000 * med(first)))
    for k, xs in lookups.items():
        xs = sorted(xs)
        print("warm %-27s: median %.1f ms, p90 %.1f ms" % (k, 1000 * med(xs), 1000 * xs[int(len(xs) * 0.9)]))
    print("first query / warm same-kind    : %.0fx" % (med(first) / med(lookups["SPARQL joint-entries"])))
    print("served: %d quads; search 海賊版: %d hits" % (QUADS[0], HITS[0]))


if __name__ == "__main__":
    main()
