#!/usr/bin/env python3
"""Checks fetched corpus texts against the manifest without showing their content.

For every record whose text is in CORPUS_DIR, each expected timeline entry's first words
must appear (case- and space-blind) on its manifest line or within two lines of it.
Prints one line per file: split, file, entries found / expected, and OK or CHECK.
Nothing of the text itself is printed, so held-out files stay unseen.

    python3 scripts/corpus_check.py /work/corpus/texts [split-or-file ...]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "..", "tests", "corpus", "manifest.json")


def squash(s):
    return re.sub(r"[\s*_`|>#\\]+", " ", s).strip().lower()


def main():
    folder = sys.argv[1]
    wanted = set(sys.argv[2:])
    records = json.load(open(MANIFEST, encoding="utf-8"))
    total = bad = missing = 0
    for r in records:
        if wanted and r["split"] not in wanted and r["file"] not in wanted:
            continue
        path = os.path.join(folder, r["file"])
        if not os.path.exists(path):
            missing += 1
            print(f"{r['split']}\t{r['file']}\tMISSING")
            continue
        total += 1
        with open(path, encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        found = 0
        for e in r["timeline"]:
            words = squash(e.get("text") or "")[:24]
            n = e.get("line") or 0
            near = lines[max(0, n - 3):n + 2]
            if not words or any(words in squash(l) for l in near):
                found += 1
        ok = found == len(r["timeline"])
        bad += not ok
        print(f"{r['split']}\t{r['file']}\t{found}/{len(r['timeline'])}\t{'OK' if ok else 'CHECK'}")
    print(f"files {total}, to check {bad}, missing {missing}")


if __name__ == "__main__":
    main()
