#!/usr/bin/env python3
"""Fails when the modules of a source tree depend on each other in a cycle.

For a Rust crate's src/ the modules are its top-level modules (`crate::x` uses); for the UI's
src/ they are its top-level folders (relative imports). Test code is left out: tests may use
anything. A cycle means two modules cannot be understood, or changed, one without the other.
"""
import collections
import os
import re
import sys


def rust_edges(root):
    g = collections.defaultdict(set)
    for d, _, files in os.walk(root):
        for f in files:
            # A test module in a file of its own (`#[cfg(test)] mod tests;`) is test code too.
            if not f.endswith(".rs") or f == "tests.rs":
                continue
            top = os.path.relpath(os.path.join(d, f), root).split(os.sep)[0].removesuffix(".rs")
            if top in ("lib", "main"):
                continue
            text = open(os.path.join(d, f), encoding="utf-8").read().split("#[cfg(test)]")[0]
            used = set(re.findall(r"crate::([a-z_]+)", text))
            for group in re.findall(r"use crate::\{([^}]*)\}", text):
                used |= set(re.findall(r"(?:^|,)\s*([a-z_]+)", group))
            g[top] |= used - {top}
    return g


def ts_edges(root):
    g = collections.defaultdict(set)
    for d, _, files in os.walk(root):
        for f in files:
            if not f.endswith((".ts", ".tsx")):
                continue
            path = os.path.join(d, f)
            parts = os.path.relpath(path, root).split(os.sep)
            if len(parts) == 1:
                continue  # the entry files (main.tsx, App.tsx) sit above every folder
            for spec in re.findall(r'from "(\.[^"]+)"', open(path, encoding="utf-8").read()):
                target = os.path.relpath(os.path.normpath(os.path.join(d, spec)), root).split(os.sep)
                if len(target) > 1 and target[0] != parts[0]:
                    g[parts[0]].add(target[0])
    return g


def cycles(g):
    found = set()

    def walk(node, path):
        for nxt in g.get(node, ()):
            if nxt == path[0]:
                found.add(" → ".join(path + [nxt]))
            elif nxt not in path:
                walk(nxt, path + [nxt])

    for start in sorted(g):
        walk(start, [start])
    # One line per cycle, whichever module it was found from.
    seen, out = set(), []
    for c in sorted(found):
        key = frozenset(c.split(" → "))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


failed = False
for root in sys.argv[1:]:
    edges = rust_edges(root) if any(f.endswith(".rs") for f in os.listdir(root)) else ts_edges(root)
    for c in cycles(edges):
        print(f"{root}: modules depend on each other in a cycle: {c}", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
