#!/usr/bin/env python3
"""Fits the answerability model (src/answerability.toml) on the tuning halves.

    cargo run --release --example answerability_data > /tmp/answerability.csv
    python3 tools/fit_answerability.py /tmp/answerability.csv > src/answerability.toml

Logistic regression with an L2 penalty, fitted by Newton's method (plain Python: eleven
parameters and a few hundred rows need no library). Questions the engine would cite a wrong
sentence for count as "should decline" at a lower weight: declining them is honest, but the
evaluation counts them as missed either way. The threshold is the probability that maximises
balanced accuracy over every tuning question (right answers among answerable questions plus
declines among unanswerable ones), averaged over a window of thresholds around it.
"""
import csv
import math
import sys

WRONG_WEIGHT = 0.3
L2 = 1.0
# Half-width of the window the threshold's score is averaged over.
WINDOW = 0.08


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[col][col] != 0:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main():
    every = list(csv.DictReader(open(sys.argv[1])))
    features = [k for k in every[0] if k not in ("set", "label", "question")]
    # Questions no sentence could answer are declined whatever the model says; they count only
    # in the rates (an answerable one as a miss, an unanswerable one as declined).
    answerable = sum(1 for r in every if r["label"] != "0")
    unanswerable = len(every) - answerable
    rows = [r for r in every if r[features[0]] != ""]
    xs, ys, ws = [], [], []
    for r in rows:
        xs.append([1.0] + [float(r[f]) for f in features])
        ys.append(1.0 if r["label"] == "1" else 0.0)
        ws.append(WRONG_WEIGHT if r["label"] == "wrong" else 1.0)
    # Weigh each question as it weighs in its rate: answerable and unanswerable questions count
    # equally as groups, as the targets do.
    ws = [
        w * (len(every) / 2) * (1 / answerable if r["label"] != "0" else 1 / unanswerable)
        for r, w in zip(rows, ws)
    ]
    k = len(xs[0])
    beta = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y, w in zip(xs, ys, ws):
            p = sigmoid(sum(b * v for b, v in zip(beta, x)))
            for i in range(k):
                grad[i] += w * (p - y) * x[i]
                for j in range(k):
                    hess[i][j] += w * p * (1 - p) * x[i] * x[j]
        for i in range(1, k):
            grad[i] += L2 * beta[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    probs = [sigmoid(sum(b * v for b, v in zip(beta, x))) for x in xs]
    free_declines = sum(1 for r in every if r["label"] == "0" and r[features[0]] == "")

    def rates_sum(t):
        answered = sum(1 for p, r in zip(probs, rows) if r["label"] == "1" and p >= t)
        declined = free_declines + sum(
            1 for p, r in zip(probs, rows) if r["label"] == "0" and p < t
        )
        return answered / answerable + declined / unanswerable

    # The sum is flat over a wide range and jumps on single questions; choose on its average
    # over a window around each threshold, so one question does not move the choice.
    grid = [i / 100 for i in range(5, 96)]
    sums = {t: rates_sum(t) for t in grid}
    best = (0.0, 0.5)
    for t in grid:
        window = [sums[u] for u in grid if abs(u - t) <= WINDOW + 1e-9]
        score = sum(window) / len(window)
        if score > best[0] + 1e-9:
            best = (score, t)
    print("# Fitted by tools/fit_answerability.py on the tuning halves of tests/data/*.toml")
    print(f"# ({len(every)} questions, {len(rows)} with a sentence that could answer); do not edit")
    print("# by hand.")
    print(f"bias = {beta[0]:.4f}")
    print(f"threshold = {best[1]:.2f}")
    print()
    print("[weights]")
    for f, b in zip(features, beta[1:]):
        print(f"{f} = {b:.4f}")


if __name__ == "__main__":
    main()
