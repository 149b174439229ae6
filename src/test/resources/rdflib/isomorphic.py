"""Reads RDF files with rdflib and checks each against a reference N-Quads or N-Triples file.

    /usr/bin/python3 isomorphic.py FILE FORMAT REFERENCE REFERENCE_FORMAT [FILE FORMAT REFERENCE REFERENCE_FORMAT]...

FORMAT and REFERENCE_FORMAT are rdflib parser names (nt, nquads, turtle, trig, json-ld, xml);
a FILE ending in .gz is decompressed first. With a quad format on both sides, every named graph
must be isomorphic to the reference's graph of the same name; otherwise the two graphs must be.
One process checks any number of files (each reference is read once). For each check it prints
"== FILE", what differs if anything, then "ok N triples" or "differs"; it exits 0 when every
check is ok, else 1.
"""
import gzip
import sys

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

QUADS = {"nquads", "trig", "json-ld"}


def read(path, fmt, quads):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    g = rdflib.ConjunctiveGraph() if quads else rdflib.Graph()
    g.parse(data=data.decode("utf-8"), format=fmt)
    return g


def graphs(g):
    """Named graphs of a ConjunctiveGraph that hold triples, by name."""
    return {str(c.identifier): c for c in g.contexts() if len(c) > 0}


def same(a, b, what):
    if isomorphic(a, b):
        return True
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    print("%s differs: %d triples only in the file, %d only in the reference" % (what, len(only_a), len(only_b)))
    for t in list(only_a)[:5]:
        print("  file only: %s" % (t,))
    for t in list(only_b)[:5]:
        print("  reference only: %s" % (t,))
    return False


def check(path, fmt, ref, ref_fmt, references):
    quads = fmt in QUADS and ref_fmt in QUADS
    got = read(path, fmt, quads)
    key = (ref, ref_fmt, quads)
    if key not in references:
        references[key] = read(ref, ref_fmt, quads)
    want = references[key]
    ok = True
    if quads:
        g1, g2 = graphs(got), graphs(want)
        if sorted(g1) != sorted(g2):
            print("graph names differ: %s vs %s" % (sorted(g1), sorted(g2)))
            ok = False
        for name in sorted(set(g1) & set(g2)):
            ok = same(g1[name], g2[name], "graph <%s>" % name) and ok
    else:
        ok = same(got, want, "graph")
    print("ok %d triples" % len(got) if ok else "differs")
    return ok


def main(args):
    if not args or len(args) % 4 != 0:
        print(__doc__)
        return 2
    references = {}
    ok = True
    for i in range(0, len(args), 4):
        print("== %s" % args[i])
        ok = check(*args[i:i + 4], references) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
