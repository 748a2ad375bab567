#!/usr/bin/env python3
"""Probes the fact check with claims made from real BBC stories, whose right verdict is known
without anyone writing it down. Every earlier session quoted its figures.

    cargo build --release
    python3 tools/claim_probe.py target/release/factdesk /tmp/probe            # both probes
    python3 tools/claim_probe.py --compare /tmp/probe-before /tmp/probe-after  # what moved

Stories are taken from ../shared/corpus/bbc-news (a fixed seed, so every run uses the same
ones); a sentence is any run of text between sentence marks, 40 to 300 characters long.

- **own** (400 stories, loaded 20 packs at a time): three claims per sentence, checked with
  the story among 19 others.
  - `own`: the sentence as written. Should be supported.
  - `neg`: "not" put after its first auxiliary ("was" -> "was not"), for sentences with no
    negation. Should be refuted.
  - `swap`: its first two-word capitalised name replaced by another such name of the same
    story. Should be refuted (a few swaps land on a name that fits).
- **cross** (300 stories): each sentence checked against one other story of its category,
  loaded alone. Should be not in the source: every other verdict is a false one.

Each probe writes `res.json` (claim -> verdict) into OUT/own and OUT/cross, and prints counts.
The figures move only when the fact check does; `--compare` lists the claims whose verdict
changed between two runs.
"""
import collections
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                      "corpus", "bbc-news")
AUXILIARIES = set("is are was were has have had will would can could should may might must "
                  "did does do".split())
NAME = r"(?<=\s)([A-Z][a-z]+ [A-Z][a-z]+)\b"


def sentences(path):
    """The body's sentences (after the headline), whitespace made single."""
    text = open(path, encoding="utf-8", errors="replace").read()
    body = text.split("\n", 1)[1] if "\n" in text else ""
    out = [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+", body)]
    return body, [s for s in out if 40 <= len(s) <= 300]


def stories(seed, count):
    files = sorted(glob.glob(os.path.join(CORPUS, "*", "*.txt")))
    random.seed(seed)
    random.shuffle(files)
    return files[:count]


def check(binary, knowledge, claims):
    """Verdicts of `factdesk check --json -` for `claims`, in order."""
    out = subprocess.run([binary, "--knowledge", knowledge, "check", "--json", "-"],
                         input="\n".join(claims) + "\n", capture_output=True, text=True,
                         check=True).stdout.splitlines()
    return [json.loads(line)["verdict"] for line in out]


def own_probe(binary, out):
    files = stories(3, 400)
    rng = random.Random(7)
    res = {}
    for g in range(0, len(files), 20):
        packs = os.path.join(out, "packs", str(g))
        for f in files[g:g + 20]:
            d = os.path.join(packs, f"{f.split('/')[-2]}-{os.path.basename(f)[:-4]}")
            os.makedirs(d, exist_ok=True)
            shutil.copy(f, os.path.join(d, "article.txt"))
        claims = []
        for f in files[g:g + 20]:
            body, said = sentences(f)
            names = sorted(set(re.findall(r"(?<!^)" + NAME, body)))
            for s in said:
                claims.append(("own", s))
                words = s.split(" ")
                if not re.search(r"\b(not|no|never|none|nothing)\b|n't", s, re.I):
                    for i, w in enumerate(words):
                        if i > 0 and w.lower() in AUXILIARIES:
                            claims.append(("neg", " ".join(words[:i + 1] + ["not"] +
                                                           words[i + 1:])))
                            break
                m = re.search(NAME, s)
                others = [n for n in names if n not in s]
                if m and others:
                    claims.append(("swap", s[:m.start()] + rng.choice(others) + s[m.end():]))
        verdicts = check(binary, packs, [c for _, c in claims])
        for (kind, claim), verdict in zip(claims, verdicts):
            res[f"{kind}|{claim}"] = verdict
    return res


def cross_probe(binary, out):
    by_category = collections.defaultdict(list)
    for f in stories(11, 300):
        by_category[f.split("/")[-2]].append(f)
    res = {}
    for category, files in sorted(by_category.items()):
        for i, f in enumerate(files):
            other = files[(i + 1) % len(files)]
            pack = os.path.join(out, "packs", f"{category}-{i}")
            os.makedirs(os.path.join(pack, "p"), exist_ok=True)
            shutil.copy(other, os.path.join(pack, "p", "article.txt"))
            said = sentences(f)[1]
            for claim, verdict in zip(said, check(binary, pack, said)):
                res[f"cross|{category}-{i}|{claim}"] = verdict
    return res


def report(name, res):
    counts = collections.Counter((k.split("|")[0], v) for k, v in res.items())
    for kind in sorted({k for k, _ in counts}):
        total = sum(n for (k, _), n in counts.items() if k == kind)
        print(f"{name} {kind}: {total} claims", dict(sorted(
            (v, n) for (k, v), n in counts.items() if k == kind)))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        for probe in ("own", "cross"):
            paths = [os.path.join(d, probe, "res.json") for d in sys.argv[2:]]
            if not all(os.path.exists(p) for p in paths):
                continue
            a, b = (json.load(open(p)) for p in paths)
            for k in sorted(set(a) | set(b)):
                if a.get(k) != b.get(k):
                    print(f"{a.get(k)} -> {b.get(k)} | {k[:200]}")
        return
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, out = sys.argv[1], sys.argv[2]
    if not os.path.isdir(CORPUS):
        sys.exit(f"no corpus at {CORPUS}")
    for name, probe in (("own", own_probe), ("cross", cross_probe)):
        d = os.path.join(out, name)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        res = probe(binary, d)
        json.dump(res, open(os.path.join(d, "res.json"), "w"), indent=0)
        report(name, res)


if __name__ == "__main__":
    main()
