#!/usr/bin/env python3
"""The performance suite: chizai-kg against what a user would run instead, in one sitting.

    python3 bench/perf.py            # the full run (about 30 min on 2 busy cores)
    python3 bench/perf.py --quick    # a few minutes, for development

Prints a markdown table of medians and ratios (chizai-kg / the alternative; below 1 is faster),
measured interleaved (chizai-kg, then the alternative, run after run) because the machine is noisy:

- start to first answer on a reused store: ./chizai-kg serve on a store it built before, against
  plain Fuseki main (org.apache.jena.fuseki.main.cmds.FusekiMainCmd, in the same fat jar) on the
  same TDB2 directory (--loc, union default graph), for 1 and 64 reports (--quick: 1 and 16). The
  time runs from launching the process to the first answer of a one-row SELECT.
- store build: ./chizai-kg serve on an empty store (its "built in" line: convert, load, text index)
  and its load and index steps (from its log), against tdb2.tdbloader (in the same fat jar) loading
  the N-Quads that ./chizai-kg convert writes for the same reports; then the time the server takes,
  once it answers, to build the release it offers (its "release … built in" line).
- convert: ./chizai-kg convert of N = 1, 16, 64, 256 sibling reports (bench/corpus.py) to N-Quads,
  each in a fresh JVM: cold MB/s (N=1, whole process), warm MB/s (the marginal throughput between the
  smallest and the largest N, JVM start and warm-up excluded), seconds per report and its ratio to
  that at N=16, and peak RSS; against Jena's riot --count (same fat jar, fresh JVM) only parsing the
  N-Quads written, which are about 20 times the size of the text; and riot's marginal throughput
  in MB of text per second, a ceiling for any converter that writes those N-Quads here.
- queries: 8 clients (each its own loopback address, as separate users) running queries/*.rq in
  turn for a fixed time, p50 and p99 latency, against plain Fuseki on the same store, and the peak
  RSS (VmHWM) of each server under that load; then 32 clients on the same server, and its peak RSS.

Standard library only; Linux (reads /proc). Builds the jar through the launcher if it is stale.
"""
import argparse
import datetime
import glob
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import corpus  # noqa: E402

# The launcher and jar run from a copy made at the start, so that editing the sources during a run
# does not make the launcher rebuild the jar half-way.
LAUNCHER = os.path.join(ROOT, "chizai-kg")
JAR = os.path.join(ROOT, "target", "chizai-kg.jar")
FUSEKI = "org.apache.jena.fuseki.main.cmds.FusekiMainCmd"
FIRST = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
MB = 1e6
BUILD_HEAP = "-Xmx3g"
# Store's INFO line says how long the load and the text index took.
LOG_CONFIG = None
LOG_PROPERTIES = """status = error
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = %c{1} - %msg%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = OUT
logger.store.name = kg.chizai.serve.Store
logger.store.level = info
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hwm_mib(pid):
    """Peak resident memory of a running process (VmHWM), MiB."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def ask(port, path, query, timeout=600):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        body = urllib.parse.urlencode({"query": query})
        c.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                       "Accept": "application/sparql-results+json"})
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


class Server:
    """A server process: chizai-kg serve (through the launcher) or plain Fuseki main."""

    def __init__(self, kind, store, sources=None, tdb=None, java_opts=None):
        self.kind, self.port = kind, free_port()
        self.lines = []
        if kind == "chizai":
            cmd = [LAUNCHER, "serve", "--store", store, "--sources", sources, "--port", str(self.port),
                   "--max-queries-per-client", "8"]
            self.path = "/sparql"
        else:
            cmd = ["java", "-Xmx512m", "-cp", JAR, FUSEKI, "--localhost", "--port", str(self.port),
                   "--loc=" + tdb, "--set", "tdb:unionDefaultGraph=true", "/ds"]
            self.path = "/ds/query"
        env = dict(os.environ)
        if java_opts:
            env["CHIZAI_JAVA_OPTS"] = java_opts
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, env=env)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.p.stdout:
            self.lines.append(line)

    def first_answer(self, deadline=1800):
        """Seconds from launch to the first answer of a one-row SELECT."""
        while time.monotonic() - self.t0 < deadline:
            if self.p.poll() is not None:
                sys.exit("%s exited %d:\n%s" % (self.kind, self.p.returncode, "".join(self.lines[-30:])))
            try:
                if ask(self.port, self.path, FIRST) == 200:
                    return time.monotonic() - self.t0
            except OSError:
                pass
            time.sleep(0.02)
        sys.exit("%s did not answer" % self.kind)

    def log(self):
        return "".join(self.lines)

    def wait_for(self, pattern, deadline=1800):
        """The first match of pattern in the server's output, waiting for it."""
        while time.monotonic() - self.t0 < deadline:
            m = re.search(pattern, self.log())
            if m:
                return m
            if self.p.poll() is not None:
                break
            time.sleep(0.1)
        sys.exit("%s never printed %r:\n%s" % (self.kind, pattern, self.log()[-3000:]))

    def stop(self):
        self.p.terminate()
        try:
            self.p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


def tdb_of(store):
    with open(os.path.join(store, "current")) as f:
        return os.path.join(store, f.read().strip(), "tdb2")


def timed_run(cmd):
    """Runs cmd; (wall seconds, peak RSS MiB, stdout+stderr)."""
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), text[-3000:]))
    return wall, usage.ru_maxrss / 1024, text


def med(xs):
    return statistics.median(xs)


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * q))]


# ---------------------------------------------------------------------------------------------


def start_and_build(a, tmp, n, rows):
    """Store build (fresh) and start on the reused store, N reports, against Fuseki/tdbloader."""
    src = os.path.join(tmp, "corpus-%d" % n)
    corpus.write(n, src)
    store = os.path.join(tmp, "store-%d" % n)
    nq = os.path.join(tmp, "corpus-%d.nq" % n)
    timed_run([LAUNCHER, "convert", *sorted(glob.glob(src + "/*.txt")), "--output", nq, "--quiet"])
    quads = sum(1 for _ in open(nq, encoding="utf-8"))
    builds, loads, indexes, loaders, releases = [], [], [], [], []
    for i in range(a.build_runs):
        shutil.rmtree(store, ignore_errors=True)
        # A fresh build converts, validates and writes a release in the server's JVM: more than the
        # launcher's serve heap (512 MiB) holds for many reports, so it gets BUILD_HEAP.
        s = Server("chizai", store, sources=src,
                   java_opts=BUILD_HEAP + " -Dlog4j2.configurationFile=" + LOG_CONFIG)
        s.first_answer()
        # The release is built once the server answers, on a thread of its own.
        releases.append(float(s.wait_for(r"release \S+ \(\d+ files\) built in ([0-9.]+) s").group(1)))
        s.stop()
        m = re.search(r"store \S+ built in ([0-9.]+) s", s.log())
        if not m:
            sys.exit("no 'built in' line:\n" + s.log()[-3000:])
        builds.append(float(m.group(1)))
        m = re.search(r"loaded \d+ quads in (\d+) ms, text index in (\d+) ms", s.log())
        if m:
            loads.append(int(m.group(1)) / 1000)
            indexes.append(int(m.group(2)) / 1000)
        loc = os.path.join(tmp, "tdbloader-%d" % n)
        shutil.rmtree(loc, ignore_errors=True)
        wall, _, _ = timed_run(["java", "-cp", JAR, "tdb2.tdbloader", "--loc", loc, nq])
        loaders.append(wall)
        shutil.rmtree(loc, ignore_errors=True)
    rows.append(("store build (%s), N=%d (%d quads): convert + load + text index" % (BUILD_HEAP, n, quads),
                 "%.2f s" % med(builds), "tdb2.tdbloader on the N-Quads: %.2f s" % med(loaders),
                 "%.2f×" % (med(builds) / med(loaders))))
    if loads:
        rows.append(("  of which load / text index, N=%d" % n,
                     "%.2f s / %.2f s" % (med(loads), med(indexes)),
                     "tdb2.tdbloader (JVM start included): %.2f s" % med(loaders),
                     "%.2f× (load, in parallel with the index)" % (med(loads) / med(loaders))))
    rows.append(("  then the release, once the server answers (validate + dumps + checksums), N=%d" % n,
                 "%.2f s" % med(releases), "", ""))
    tdb = tdb_of(store)
    ours, theirs = [], []
    for i in range(a.runs):
        for kind in ("chizai", "fuseki"):
            s = Server(kind, store, sources=src, tdb=tdb)
            t = s.first_answer()
            s.stop()
            if kind == "chizai":
                if "reused" not in s.log():
                    sys.exit("the store was not reused:\n" + s.log()[-3000:])
                ours.append(t)
            else:
                theirs.append(t)
    rows.append(("start → first answer, reused store, N=%d" % n, "%.2f s" % med(ours),
                 "Fuseki main on the same TDB2: %.2f s" % med(theirs),
                 "%.2f×" % (med(ours) / med(theirs))))
    return store, src, tdb


def load_clients(port, path, queries, clients, seconds, strict=True):
    """clients threads, each its own loopback address, running the queries in turn; latencies (and,
    when not strict, the number of answers that were not 200 instead of failing on them)."""
    lat, bad = [], [0]
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(i):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120,
                                       source_address=("127.0.0.%d" % (10 + i), 0))
        k = i
        mine = []
        while time.monotonic() < end:
            q = queries[k % len(queries)]
            k += 1
            body = urllib.parse.urlencode({"query": q})
            t0 = time.monotonic()
            c.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                           "Accept": "application/sparql-results+json"})
            r = c.getresponse()
            r.read()
            mine.append(time.monotonic() - t0)
            if r.status != 200:
                with lock:
                    bad[0] += 1
        c.close()
        with lock:
            lat.extend(mine)

    ts = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if not strict:
        return lat, bad[0]
    if bad[0]:
        sys.exit("%d answers were not 200" % bad[0])
    return lat


def queries_bench(a, store, src, tdb, n, rows):
    queries = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(ROOT, "queries", "*.rq")))]
    res = {"chizai": [], "fuseki": []}
    rss = {"chizai": [], "fuseki": []}
    rss32 = {"chizai": [], "fuseki": []}
    res32 = {"chizai": [], "fuseki": []}
    for i in range(a.query_rounds):
        for kind in ("chizai", "fuseki"):
            s = Server(kind, store, sources=src, tdb=tdb)
            s.first_answer()
            load_clients(s.port, s.path, queries, a.clients, 2)  # warm-up
            lat = load_clients(s.port, s.path, queries, a.clients, a.seconds)
            rss[kind].append(hwm_mib(s.p.pid))
            # Then 32 clients at once: chizai-kg queues what is beyond its limits (and refuses
            # what waits too long); the peak RSS is the figure.
            lat32, refused = load_clients(s.port, s.path, queries, 32, a.seconds, strict=False)
            rss32[kind].append(hwm_mib(s.p.pid))
            res32[kind].append((len(lat32) - refused) / a.seconds)
            s.stop()
            res[kind].append((pct(lat, 0.5), pct(lat, 0.99), len(lat) / a.seconds))
    o, t = res["chizai"], res["fuseki"]
    p50o, p50t = med(x[0] for x in o), med(x[0] for x in t)
    p99o, p99t = med(x[1] for x in o), med(x[1] for x in t)
    rows.append(("queries/*.rq (%d), %d clients, N=%d: p50 / p99" % (len(queries), a.clients, n),
                 "%.0f / %.0f ms" % (1000 * p50o, 1000 * p99o),
                 "Fuseki main, same store: %.0f / %.0f ms" % (1000 * p50t, 1000 * p99t),
                 "%.2f× / %.2f×" % (p50o / p50t, p99o / p99t)))
    rows.append(("  throughput", "%.0f queries/s" % med(x[2] for x in o),
                 "%.0f queries/s" % med(x[2] for x in t),
                 "%.2f×" % (med(x[2] for x in o) / med(x[2] for x in t))))
    rows.append(("peak RSS of the server under that load", "%.0f MiB" % med(rss["chizai"]),
                 "%.0f MiB" % med(rss["fuseki"]), "%.2f×" % (med(rss["chizai"]) / med(rss["fuseki"]))))
    rows.append(("peak RSS under 32 clients (then), N=%d; answers/s" % n,
                 "%.0f MiB; %.0f/s" % (med(rss32["chizai"]), med(res32["chizai"])),
                 "Fuseki main: %.0f MiB; %.0f/s" % (med(rss32["fuseki"]), med(res32["fuseki"])),
                 "target ≤ 1024 MiB"))


def convert_bench(a, tmp, rows):
    sizes, times, rsss, riots, outsizes = {}, {}, {}, {}, {}
    # The first convert after a build also writes the launcher's AppCDS archive: run once, untimed,
    # so that "cold" is a start as a user sees it every other time.
    src = os.path.join(tmp, "convert-warmup")
    paths, _ = corpus.write(1, src)
    timed_run([LAUNCHER, "convert", *paths, "--output", os.path.join(tmp, "warmup.nq"), "--quiet"])
    shutil.rmtree(src, ignore_errors=True)
    for n in a.convert_ns:
        src = os.path.join(tmp, "convert-%d" % n)
        paths, size = corpus.write(n, src)
        sizes[n] = size
        times[n], rsss[n], riots[n] = [], [], []
        out = os.path.join(tmp, "convert-%d.nq" % n)
        for _ in range(a.convert_runs):
            wall, rss, _ = timed_run([LAUNCHER, "convert", *paths, "--output", out, "--quiet"])
            times[n].append(wall)
            rsss[n].append(rss)
            # What a user would run on the same N-Quads instead: Jena's riot, only parsing them.
            wall, _, _ = timed_run(["java", "-cp", JAR, "riotcmd.riot", "--count", out])
            riots[n].append(wall)
        outsizes[n] = os.path.getsize(out)
        os.remove(out)
        shutil.rmtree(src, ignore_errors=True)
    ns = a.convert_ns
    lo, hi = ns[0], ns[-1]
    for n in ns:
        t = med(times[n])
        rows.append(("convert N=%d (%.2f MB of text; %.0f MB of N-Quads)" % (n, sizes[n] / MB, outsizes[n] / MB),
                     "%.2f s, %.2f MB/s, %.3f s/report, %.0f MiB RSS" % (t, sizes[n] / MB / t, t / n, med(rsss[n])),
                     "riot --count of the N-Quads written: %.2f s" % med(riots[n]),
                     "%.2f×" % (t / med(riots[n]))))
    warm = (sizes[hi] - sizes[lo]) / MB / (med(times[hi]) - med(times[lo]))
    marginal = (med(times[hi]) - med(times[lo])) / (hi - lo)
    rows.append(("convert, cold (N=%d, whole process)" % lo, "%.2f MB/s" % (sizes[lo] / MB / med(times[lo])),
                 "", ""))
    rows.append(("convert, warm (marginal, N=%d → %d)" % (lo, hi), "%.2f MB/s, %.3f s per report" % (warm, marginal),
                 "target ≥ 10 MB/s", "%.2f×" % (warm / 10)))
    # What the target asks of the writer: the N-Quads are about 20 times the text, so the text
    # throughput at which Jena only parses them (riot --count, marginal as above) bounds what any
    # converter writing them can reach on this machine.
    parse = (sizes[hi] - sizes[lo]) / MB / (med(riots[hi]) - med(riots[lo]))
    rows.append(("  riot --count only parsing those N-Quads (marginal, N=%d → %d), in MB of text/s" % (lo, hi),
                 "%.2f MB/s of text (%.0f MB/s of N-Quads)" % (
                     parse, (outsizes[hi] - outsizes[lo]) / MB / (med(riots[hi]) - med(riots[lo]))),
                 "convert, warm", "%.2f×" % (warm / parse)))
    if 16 in times and hi > 16:
        r = (med(times[hi]) / hi) / (med(times[16]) / 16)
        rows.append(("convert, time per report N=%d / N=16" % hi, "%.2f×" % r, "target ≤ 1.3×", ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a few minutes: smaller N, fewer runs")
    ap.add_argument("--runs", type=int, help="runs of each start measurement (default 5; quick 3)")
    ap.add_argument("--only", default="start,convert,queries", help="parts to run, comma-separated")
    a = ap.parse_args()
    a.runs = a.runs or (3 if a.quick else 5)
    a.start_ns = [1, 16] if a.quick else [1, 64]
    a.build_runs = 1 if a.quick else 2
    a.convert_ns = [1, 16] if a.quick else [1, 16, 64, 256]
    a.convert_runs = 1 if a.quick else 2
    a.query_rounds = 1 if a.quick else 2
    a.clients, a.seconds = 8, (5 if a.quick else 15)
    parts = a.only.split(",")
    global LAUNCHER, JAR, LOG_CONFIG
    timed_run([LAUNCHER, "--version"])  # builds the jar if it is stale
    rows = []
    tmp = tempfile.mkdtemp(prefix="chizai-perf-")
    app = os.path.join(tmp, "app")
    os.makedirs(os.path.join(app, "target"))
    shutil.copy2(LAUNCHER, app)
    shutil.copy2(JAR, os.path.join(app, "target"))
    LAUNCHER, JAR = os.path.join(app, "chizai-kg"), os.path.join(app, "target", "chizai-kg.jar")
    LOG_CONFIG = os.path.join(app, "log4j2-bench.properties")
    with open(LOG_CONFIG, "w") as f:
        f.write(LOG_PROPERTIES)
    t0 = time.monotonic()
    try:
        if "start" in parts or "queries" in parts:
            for n in a.start_ns:
                store, src, tdb = start_and_build(a, tmp, n, rows)
                if "queries" in parts and n == a.start_ns[-1]:
                    queries_bench(a, store, src, tdb, n, rows)
                shutil.rmtree(store, ignore_errors=True)
        if "convert" in parts:
            convert_bench(a, tmp, rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print("`python3 bench/perf.py%s%s`, %s UTC, %d cores, %s; medians of %d runs (builds %d, converts %d),"
          " %.0f s in all" % (" --quick" if a.quick else "",
                              "" if a.only == "start,convert,queries" else " --only " + a.only,
                              datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), os.cpu_count(), java,
                              a.runs, a.build_runs, a.convert_runs, time.monotonic() - t0))
    print()
    print("| what | chizai-kg | what a user would run instead | ratio |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print("| %s |" % " | ".join(r))


if __name__ == "__main__":
    main()
