#!/usr/bin/env python3
"""Generates a realistic pre/post test data set for `atelier analyze` benchmarks.

Writes PRE.csv, POST.csv and MARKS.csv (a copy of POST.csv, for `atelier analyze items`) into --out.
Each file has --participants rows (default 100,000) and --items item columns (default 40):

- a header row `id,Q01,...,Qk`, then one row per participant, ids like `P000123`;
- each cell is the item's mark as a fraction 0..1 of its maximum; an empty cell is an unanswered item;
- a Rasch-like model: every participant has an ability, every item a difficulty, and the post-test
  ability is the pre-test ability plus a positive (but varying) gain;
- about three items in four are right/wrong (0 or 1); the others are partial-credit items marked in
  quarters (0, 0.25, 0.5, 0.75, 1: four parts, each right or wrong);
- about 2% of the cells are blank (not answered);
- attrition: about 5% of the pre-test rows have no post-test, and about 5% of the post-test rows
  have no pre-test (people who joined late); the post file lists participants in another order.

Usage: python3 bench/analyze_data.py [--participants N] [--items K] [--seed S] [--out DIR]
"""
import argparse
import os
import shutil

import numpy as np

# Marks written as exact short decimals; code 5 is a blank cell.
CELLS = np.array([b"0", b"0.25", b"0.5", b"0.75", b"1", b""], dtype=object)


def marks(rng, ability, difficulty, partial):
    """Codes 0..4 (quarters of the maximum) or 5 (blank) for each participant × item."""
    n, k = ability.size, difficulty.size
    p = 1.0 / (1.0 + np.exp(-(ability[:, None] - difficulty[None, :])))
    right = rng.random((n, k)) < p  # right/wrong items: 0 or 4 quarters
    parts = rng.binomial(4, p)  # partial-credit items: 0..4 parts right
    codes = np.where(partial[None, :], parts, np.where(right, 4, 0)).astype(np.uint8)
    codes[rng.random((n, k)) < 0.02] = 5
    return codes


def write(path, ids, items, codes):
    with open(path, "wb") as f:
        f.write(("id," + ",".join(items) + "\n").encode())
        cells = CELLS[codes]  # object array of bytes, n × k
        lines = [ident + b"," + b",".join(row) for ident, row in zip(ids, cells.tolist())]
        f.write(b"\n".join(lines))
        f.write(b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--participants", type=int, default=100_000, help="rows in each of PRE.csv and POST.csv")
    ap.add_argument("--items", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20260)
    ap.add_argument("--out", default=".")
    args = ap.parse_args()
    n, k = args.participants, args.items
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)

    only = max(1, round(0.05 * n)) if n >= 20 else 1  # pre-only rows, and as many post-only rows
    total = n + only  # distinct participants
    width = max(6, len(str(total - 1)))
    ids = np.array([f"P{i:0{width}d}".encode() for i in range(total)], dtype=object)

    ability_pre = rng.normal(-0.2, 1.0, total)
    gain = rng.normal(1.0, 0.6, total)  # most improve, a few get worse
    ability_post = ability_pre + gain
    difficulty = rng.normal(0.0, 1.0, k)
    partial = rng.random(k) < 0.25
    items = [f"Q{j + 1:02d}" for j in range(k)]

    # Participants 0..n-1 sat the pre-test; participants `only`..total-1 the post-test.
    pre_rows = np.arange(n)
    post_rows = rng.permutation(np.arange(only, total))
    write(os.path.join(args.out, "PRE.csv"), ids[pre_rows], items, marks(rng, ability_pre[pre_rows], difficulty, partial))
    write(os.path.join(args.out, "POST.csv"), ids[post_rows], items, marks(rng, ability_post[post_rows], difficulty, partial))
    shutil.copyfile(os.path.join(args.out, "POST.csv"), os.path.join(args.out, "MARKS.csv"))
    print(f"wrote {args.out}/PRE.csv, POST.csv, MARKS.csv: {n} rows × {k} items each, "
          f"{n - only} matched, {only} pre only, {only} post only, {int(partial.sum())} partial-credit items")


if __name__ == "__main__":
    main()
