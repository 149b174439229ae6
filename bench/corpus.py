#!/usr/bin/env python3
"""Makes a corpus of N distinct, valid sibling reports from one real report: copy k is the report
on program year 2025 + k (知的財産推進計画2025 → 2025 + k: its own IRIs), with every other Western
year (19xx, 20xx) and every 令和 year shifted by k mod 64, so its dates and events are its own and
stay within the years the converter accepts (up to 2100). Every copy has the same structure and the
same counts.

    python3 bench/corpus.py N OUTDIR [--source FILE]
"""
import argparse
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED_DIR = os.path.join(ROOT, "data", "source")
WESTERN = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])")
REIWA = re.compile(r"令和([0-9]+)年")
PROGRAM = re.compile(r"(知的財産推進計画)((?:19|20)[0-9]{2})(?![0-9０-９])")
DATE_SHIFTS = 64


def default_source():
    return os.path.join(SEED_DIR, sorted(f for f in os.listdir(SEED_DIR) if f.endswith(".txt"))[0])


def sibling(text, k):
    """Copy k of the report text (k = 0: the text itself)."""
    if k == 0:
        return text
    d = k % DATE_SHIFTS
    programs = []

    def hold(m):
        programs.append(int(m.group(2)) + k)
        return m.group(1) + "\0"

    text = PROGRAM.sub(hold, text)
    text = WESTERN.sub(lambda m: str(int(m.group(1)) + d), text)
    text = REIWA.sub(lambda m: "令和%d年" % (int(m.group(1)) + d), text)
    years = iter(programs)
    return re.sub("\0", lambda m: str(next(years)), text)


def write(n, outdir, source=None):
    """Writes n sibling reports into outdir; returns their paths and their total size in bytes."""
    source = source or default_source()
    with open(source, encoding="utf-8") as f:
        text = f.read()
    os.makedirs(outdir, exist_ok=True)
    paths, size = [], 0
    for k in range(n):
        p = os.path.join(outdir, "report-%04d.txt" % k)
        data = sibling(text, k).encode("utf-8")
        with open(p, "wb") as out:
            out.write(data)
        paths.append(p)
        size += len(data)
    return paths, size


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--source")
    a = ap.parse_args()
    paths, size = write(a.n, a.outdir, a.source)
    print("%d reports, %d bytes -> %s" % (len(paths), size, a.outdir))


if __name__ == "__main__":
    main()
