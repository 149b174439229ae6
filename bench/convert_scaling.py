#!/usr/bin/env python3
"""Shows that ./chizai-kg convert is linear in the size of its input.

Builds synthetic reports of about 1, 4 and 16 MiB from a real one (its title block once, then its
sections and sheets repeated), converts each with the packaged jar, and prints the conversion time
(the summary line's), the wall time, the peak resident memory and the seconds per MiB. Linear
growth shows as a flat seconds-per-MiB column. Medians of --runs runs (the machine is noisy).
Standard library only; build the jar first (mvn -q -B -DskipTests package).

    python3 bench/convert_scaling.py [--sizes 1,4,16] [--runs 3] [--source FILE] [--java-opts "-Xmx4g"]
"""
import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAR = os.path.join(ROOT, "target", "chizai-kg.jar")
SEED_DIR = os.path.join(ROOT, "data", "source")
MIB = 1 << 20
# The first section heading ("1. 知的財産の「創造」"): what comes before it is the title block.
FIRST_SECTION = re.compile(r"^\s*[0-9０-９]+[.．]\s*\S")
SUMMARY = re.compile(r" in ([0-9.]+) s -> ")


def synthetic(source, mib, path):
    """Writes the title block of source once, then its body repeated to about mib MiB; returns bytes."""
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if FIRST_SECTION.match(line)), None)
    if start is None:
        sys.exit("no numbered section heading in %s" % source)
    head = "".join(lines[:start]).encode("utf-8")
    body = "".join(lines[start:]).encode("utf-8")
    if not body.endswith(b"\n"):
        body += b"\n"
    copies = max(1, round((mib * MIB - len(head)) / len(body)))
    with open(path, "wb") as out:
        out.write(head)
        for _ in range(copies):
            out.write(body)
            out.write(b"\n")
    return os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,4,16", help="target sizes in MiB, comma-separated")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--source", help="the report to repeat (default: the first in data/source/)")
    ap.add_argument("--java-opts", default="", help="options for the JVM, e.g. -Xmx4g")
    a = ap.parse_args()
    if not os.path.exists(JAR):
        sys.exit("build the jar first: mvn -q -B -DskipTests package")
    source = a.source or os.path.join(
        SEED_DIR, sorted(f for f in os.listdir(SEED_DIR) if f.endswith(".txt"))[0])
    java_opts = shlex.split(a.java_opts)
    print("convert of synthetic reports built from %s, median of %d runs" %
          (os.path.relpath(source, ROOT), a.runs))
    print("%8s %10s %8s %8s %9s %10s %13s" % (
        "MiB", "convert s", "wall s", "CPU s", "peak RSS", "s per MiB", "marginal s/MiB"))
    previous = None
    with tempfile.TemporaryDirectory(prefix="chizai-scaling-") as tmp:
        for mib in [float(s) for s in a.sizes.split(",")]:
            path = os.path.join(tmp, "synthetic-%g.txt" % mib)
            size = synthetic(source, mib, path)
            runs = []
            for _ in range(a.runs):
                runs.append(measure(java_opts, path, os.path.join(tmp, "out.nq"), size))
            conv = statistics.median(r[0] for r in runs)
            wall = statistics.median(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            rss = statistics.median(r[3] for r in runs)
            mibs = size / MIB
            # The cost of each further MiB: flat when the conversion is linear, growing when not.
            marginal = "" if previous is None else "%.2f" % ((conv - previous[1]) / (mibs - previous[0]))
            print("%8.2f %10.2f %8.2f %8.2f %5.0f MiB %10.2f %13s" % (
                mibs, conv, wall, cpu, rss, conv / mibs, marginal))
            sys.stdout.flush()
            previous = (mibs, conv)


def measure(java_opts, source, output, size):
    """One conversion: (conversion seconds, wall seconds, CPU seconds, peak RSS in MiB)."""
    cmd = ["java", *java_opts, "-jar", JAR, "convert", source, "--output", output, "--quiet",
           "--max-input-size", str(size)]
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as errfile:
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=errfile)
        out = p.stdout.read()
        _, status, usage = os.wait4(p.pid, 0)
        errfile.seek(0)
        err = errfile.read()
    wall = time.monotonic() - t0
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("convert failed (%d): %s" % (code, err.decode("utf-8", "replace")[-2000:]))
    m = SUMMARY.search(out.decode("utf-8"))
    if not m:
        sys.exit("no summary line in: " + out.decode("utf-8"))
    return float(m.group(1)), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
