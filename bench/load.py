#!/usr/bin/env python3
"""Load test of ./chizai-kg serve: many clients at once for a fixed time, a mix of the researcher
queries of queries/*.rq, linked-data pages (HTML and Turtle), full-text searches and the landing
page. Prints requests/s, latency percentiles (overall and per kind), the number of answers that
were not 2xx, and the peak resident memory (VmHWM) of the server process. Exits 1 if any answer
was not 2xx. Standard library only; Linux (reads /proc).

    python3 bench/load.py [--clients 32] [--seconds 60] [--port 3098] [--one-address] [--reused]

It starts the server itself through the launcher (./chizai-kg serve, so with the launcher's
default heap) on a fresh store in a temporary directory, and stops it with SIGTERM (never ignored, unlike Ctrl-C's signal in a background job) at the
end; the server measured thus also builds its store and, once it answers, its release. With
--reused, a first server builds the store and its release and is stopped, and the server measured
starts on that store, as every later start does. Each client is a thread with its own keep-alive connection and, unless --one-address, its own
loopback address (127.0.0.10, .11, ...), as separate users would be; the server's per-client query
limit then applies to each. What is fetched is taken from the data: the pages of things a SPARQL
query lists, and the Japanese names of the government bodies as search words.
"""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAUNCHER = os.path.join(ROOT, "chizai-kg")
BASE = "https://w3id.org/chizai-kg/"


def start(store, port, until="serving "):
    """Starts the server; returns the process (pid is the JVM's: the launcher execs java) once it
    printed a line starting with until."""
    p = subprocess.Popen(
        [LAUNCHER, "serve", "--store", store, "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 600
    for line in p.stdout:
        if line.startswith(until):
            threading.Thread(target=lambda: [None for _ in p.stdout], daemon=True).start()
            return p
        if time.monotonic() > deadline:
            break
    p.kill()
    sys.exit("the server did not start")


def rss_kb(pid, field):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def select(port, query):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = urllib.parse.urlencode({"query": query})
    c.request("POST", "/sparql", body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    r = c.getresponse()
    data = json.loads(r.read().decode("utf-8"))
    c.close()
    return data["results"]["bindings"]


def workload(port):
    """The requests to choose from: (kind, method, path, body, headers)."""
    queries = []
    qdir = os.path.join(ROOT, "queries")
    for name in sorted(os.listdir(qdir)):
        if name.endswith(".rq"):
            with open(os.path.join(qdir, name), encoding="utf-8") as f:
                queries.append(f.read())
    things = select(port, """
        PREFIX ckg: <https://w3id.org/chizai-kg/def#>
        SELECT DISTINCT ?s WHERE {
          { ?s a ckg:Direction } UNION { ?s a ckg:ProgressEntry } UNION { ?s a ckg:Section }
          UNION { ?s a ckg:GovernmentBody } } ORDER BY ?s""")
    pages = [b["s"]["value"][len(BASE) - 1:] for b in things if b["s"]["value"].startswith(BASE)]
    names = select(port, """
        PREFIX ckg: <https://w3id.org/chizai-kg/def#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?name WHERE { ?b a ckg:GovernmentBody ; skos:prefLabel ?name
          FILTER (lang(?name) = "ja") } ORDER BY ?name""")
    words = [b["name"]["value"] for b in names]
    if not queries or not pages or not words:
        sys.exit("nothing to ask: queries %d, pages %d, words %d"
                 % (len(queries), len(pages), len(words)))
    return queries, pages, words


def request_for(rng, queries, pages, words):
    x = rng.random()
    if x < 0.40:
        body = urllib.parse.urlencode({"query": rng.choice(queries)})
        return ("sparql", "POST", "/sparql", body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json"})
    if x < 0.80:
        accept = "text/html" if rng.random() < 0.5 else "text/turtle"
        return ("page", "GET", urllib.parse.quote(rng.choice(pages)), None, {"Accept": accept})
    if x < 0.90:
        q = urllib.parse.urlencode({"q": rng.choice(words)})
        return ("search", "GET", "/search?" + q, None, {"Accept": "text/html"})
    return ("landing", "GET", "/", None, {"Accept": "text/html"})


def client(i, port, address, until, queries, pages, words, out):
    rng = random.Random(i)
    conn = None
    while time.monotonic() < until:
        kind, method, path, body, headers = request_for(rng, queries, pages, words)
        t0 = time.monotonic()
        status = 0
        try:
            if conn is None:
                conn = http.client.HTTPConnection(
                    "127.0.0.1", port, timeout=60, source_address=(address, 0))
            conn.request(method, path, body, headers)
            r = conn.getresponse()
            r.read()
            status = r.status
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            if conn is not None:
                conn.close()
            conn = None
        out.append((kind, status, time.monotonic() - t0))
    if conn is not None:
        conn.close()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))] if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--port", type=int, default=3098)
    ap.add_argument("--reused", action="store_true",
                    help="measure a server on a store built (with its release) by an earlier one")
    ap.add_argument("--one-address", action="store_true",
                    help="all clients from 127.0.0.1 (one user as far as the server can tell)")
    a = ap.parse_args()
    if not 1 <= a.clients <= 200 or not 1 <= a.seconds <= 600:
        sys.exit("--clients 1..200 and --seconds 1..600")
    load_before = os.getloadavg()[0]
    store = tempfile.mkdtemp(prefix="chizai-load-")
    if a.reused:
        first = start(os.path.join(store, "store"), a.port, until="release ")
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=60)
    server = start(os.path.join(store, "store"), a.port)
    try:
        queries, pages, words = workload(a.port)
        # Warm up (not counted): every query once, a few pages and searches.
        warm = []
        for q in queries:
            client_once(a.port, ("sparql", "POST", "/sparql",
                                 urllib.parse.urlencode({"query": q}),
                                 {"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": "application/sparql-results+json"}), warm)
        for k in range(10):
            client_once(a.port, request_for(random.Random(1000 + k), queries, pages, words), warm)
        results = []
        peak_sampled = [0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak_sampled[0] = max(peak_sampled[0], rss_kb(server.pid, "VmRSS"))
                stop.wait(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t0 = time.monotonic()
        until = t0 + a.seconds
        threads = []
        for i in range(a.clients):
            address = "127.0.0.1" if a.one_address else "127.0.0.%d" % (10 + i)
            t = threading.Thread(target=client, args=(
                i, a.port, address, until, queries, pages, words, results))
            t.start()
            threads.append(t)
        for t in threads:
            t.join()
        elapsed = time.monotonic() - t0
        stop.set()
        sampler.join()
        hwm = rss_kb(server.pid, "VmHWM")
        report(a, results, elapsed, max(hwm, peak_sampled[0]), len(pages), len(words),
               len(queries))
        print("machine: %d CPUs; load average (1 min) %.1f before the server started, %.1f at the"
              " end (this script and the server share the machine)"
              % (os.cpu_count(), load_before, os.getloadavg()[0]))
        bad = sum(1 for _, s, _ in results if not 200 <= s < 300)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "killed"
        shutil.rmtree(store, ignore_errors=True)
    print("server stopped with exit code %s" % code)
    sys.exit(1 if bad else 0)


def client_once(port, req, out):
    kind, method, path, body, headers = req
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request(method, path, body, headers)
    r = c.getresponse()
    r.read()
    c.close()
    out.append((kind, r.status, 0))


def report(a, results, elapsed, peak_kb, n_pages, n_words, n_queries):
    ms = [d * 1000 for _, _, d in results]
    bad = [s for _, s, _ in results if not 200 <= s < 300]
    print("load: %d clients (%s) x %.0f s against ./chizai-kg serve with its default limits, on %s"
          % (a.clients, "one address" if a.one_address else "%d loopback addresses" % a.clients,
             a.seconds, "a store an earlier start built" if a.reused
             else "a fresh store (it builds the store, then its release, as the load starts)"))
    print("mix: 40%% SPARQL (%d queries of queries/), 40%% pages of %d things (HTML or Turtle),"
          " 10%% searches (%d body names), 10%% landing page" % (n_queries, n_pages, n_words))
    print("requests: %d in %.1f s = %.1f/s; non-2xx: %d%s"
          % (len(results), elapsed, len(results) / elapsed, len(bad),
             (" " + str(sorted(set(bad)))) if bad else ""))
    print("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f"
          % (pct(ms, 50), pct(ms, 95), pct(ms, 99), max(ms) if ms else float("nan")))
    for kind in ("sparql", "page", "search", "landing"):
        k = [d * 1000 for kk, _, d in results if kk == kind]
        if k:
            print("  %-8s n=%-6d p50 %.1f  p95 %.1f  p99 %.1f"
                  % (kind, len(k), statistics.median(k), pct(k, 95), pct(k, 99)))
    print("peak RSS of the server process: %d MB" % round(peak_kb / 1024.0))


if __name__ == "__main__":
    main()
