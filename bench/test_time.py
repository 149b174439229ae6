#!/usr/bin/env python3
"""How long the test suite takes: `mvn -B -o test` at two commits, measured in one sitting.

    python3 bench/test_time.py --old 93c6115 [--new HEAD] [--runs 3]

Each commit is checked out in its own scratch worktree (git worktree add --detach, removed at the
end) and compiled once, untimed (`mvn -B -o -q test-compile`); then the suite is run RUNS times at
each commit, alternating old and new so that both see the same machine load. For every run it
prints the wall time, the CPU time of Maven and its forked test JVM (user + system), the load
average when the run started and the test counts; then the medians and the ratio new / old.
Run it from the repository root on an otherwise quiet machine if you can; on a shared machine the
interleaving keeps the comparison fair, and the CPU times are steadier than the wall times.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RESULT = re.compile(r"Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*$")


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_suite(tree):
    """One timed `mvn -B -o test`: wall seconds, CPU seconds, load, the last summary line."""
    load = os.getloadavg()[0]
    cpu = children_cpu()
    start = time.monotonic()
    p = subprocess.run(["mvn", "-B", "-o", "test"], cwd=tree, capture_output=True, text=True)
    wall = time.monotonic() - start
    cpu = children_cpu() - cpu
    counts = None
    for line in p.stdout.splitlines():
        m = RESULT.search(line)
        if m and "Time elapsed" not in line:
            counts = tuple(int(x) for x in m.groups())
    return wall, cpu, load, counts, p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="the commit to compare against")
    ap.add_argument("--new", default="HEAD", help="the commit measured (default HEAD)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per commit (default 3)")
    args = ap.parse_args()

    repo = git("rev-parse", "--show-toplevel")
    commits = {"old": git("rev-parse", args.old, cwd=repo), "new": git("rev-parse", args.new, cwd=repo)}
    scratch = tempfile.mkdtemp(prefix="chizai-test-time-")
    trees = {}
    try:
        for name, commit in commits.items():
            tree = os.path.join(scratch, name)
            git("worktree", "add", "--detach", tree, commit, cwd=repo)
            trees[name] = tree
            print("%s = %s: compiling (untimed)" % (name, commit[:10]), flush=True)
            subprocess.run(["mvn", "-B", "-o", "-q", "test-compile"], cwd=tree, check=True,
                           stdout=subprocess.DEVNULL)
        results = {"old": [], "new": []}
        for i in range(args.runs):
            for name in ("old", "new"):
                wall, cpu, load, counts, code = run_suite(trees[name])
                results[name].append((wall, cpu))
                tests = ("%d tests, %d failures, %d errors, %d skipped" % counts) if counts else "no summary"
                print("run %d %s: %6.1f s wall, %6.1f s CPU, load %.1f, exit %d, %s"
                      % (i + 1, name, wall, cpu, load, code, tests), flush=True)
        med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
               for k, v in results.items()}
        for name in ("old", "new"):
            print("median %s (%s): %.1f s wall, %.1f s CPU" % (name, commits[name][:10], *med[name]))
        print("new / old: %.2f of the wall time, %.2f of the CPU time"
              % (med["new"][0] / med["old"][0], med["new"][1] / med["old"][1]))
    finally:
        for tree in trees.values():
            subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=repo,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
