#!/usr/bin/env python3
"""What an analyst would otherwise run: the pandas + SciPy version of `atelier analyze`.

    python3 bench/analyze_reference.py --pre PRE.csv --post POST.csv [--threshold POINTS]  # = analyze prepost
    python3 bench/analyze_reference.py --marks MARKS.csv                                  # = analyze items

Prints the same JSON as `atelier analyze prepost|items --format json` (the contract's keys, plus those of
atelier's extra keys whose meaning is plain: attrition counts, SDs, median gain, z, rank-biserial,
point-biserial, alpha if deleted...), so that bench/analyze.sh can time both and compare their numbers.
CSV: a header row (id column, then item ids), one row per participant, each cell the item's mark as a
fraction 0..1 of its maximum; a blank cell is an unanswered item, scored 0.

Choices where the contract leaves room (see bench/README.md, "Evaluation (analyze)"):
- prepost: the exact Wilcoxon p (n' <= 25) is the permutation distribution of W+ over the mid-ranks
  (SciPy's method="exact" ignores ties); gains are rounded to 1e-9 before ranking so that equal gains tie;
  means, item facilities and McNemar counts use the matched pairs only; items are those of the
  pre file that the post file also has, in the pre file's order; an item is "correct" only with full
  marks (fraction == 1), and pre/postFacility is the share correct (unlike `items`, where facility is
  Moodle's mean fraction; the two agree on right/wrong items).
- items: randomGuessScore is null (a CSV carries no question type); upper/lower 27% groups of
  max(1, round(0.27 n)) attempts from one stable ascending sort by total: the lower group is the first g
  rows, the upper group the last g (so ties at a boundary are broken by row order).
"""
import argparse
import json
import math
import sys

import numpy as np
import pandas as pd
from scipy import stats


def read_marks(path):
    """The marks as a DataFrame indexed by the id column (ids kept as text), blanks scored 0."""
    id_col = pd.read_csv(path, nrows=0).columns[0]
    df = pd.read_csv(path, dtype={id_col: str}).set_index(id_col)
    return df.astype(float).fillna(0.0)


def num(x):
    """A JSON-safe number: NaN and infinities become null."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def holm(p):
    """Holm step-down adjusted p-values, in the input order."""
    p = np.asarray(p, dtype=float)
    m = p.size
    order = np.argsort(p, kind="stable")
    adj = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out = np.empty(m)
    out[order] = adj
    return out


def mcnemar(b, c):
    """Exact binomial when b + c < 25, else chi-square with continuity correction (df = 1)."""
    if b + c == 0:
        return 1.0
    if b + c < 25:
        return stats.binomtest(b, b + c, 0.5).pvalue
    return stats.chi2.sf((abs(b - c) - 1) ** 2 / (b + c), 1)


def signed_rank_exact_p(ranks, w_plus):
    """Two-sided exact p of the signed-rank statistic, conditional on the (mid-)ranks: the distribution of
    W+ over all 2^n' sign patterns, by dynamic programming on doubled ranks (integers even with ties).
    SciPy's method="exact" uses the table for untied ranks, which is not exact once there are ties."""
    doubled = np.rint(2 * np.asarray(ranks)).astype(np.int64)
    counts = np.zeros(int(doubled.sum()) + 1)
    counts[0] = 1.0
    for r in doubled:  # r >= 2: a rank is at least 1
        counts[r:] = counts[r:] + counts[:-r]
    w = int(round(2 * w_plus))
    low = min(w, int(doubled.sum()) - w)
    return min(1.0, 2 * counts[: low + 1].sum() / 2.0 ** doubled.size)


def prepost(pre_path, post_path, threshold=10.0):
    pre, post = read_marks(pre_path), read_marks(post_path)
    items = [c for c in pre.columns if c in post.columns]
    merged = pre[items].merge(post[items], left_index=True, right_index=True, suffixes=("_pre", "_post"))
    x_pre = merged[[f"{c}_pre" for c in items]].to_numpy()
    x_post = merged[[f"{c}_post" for c in items]].to_numpy()
    n = len(merged)
    n_pre_only, n_post_only = len(pre) - n, len(post) - n

    s_pre = 100 * x_pre.mean(axis=1)
    s_post = 100 * x_post.mean(axis=1)
    d = s_post - s_pre
    mean_pre, mean_post, mean_gain = s_pre.mean(), s_post.mean(), d.mean()
    sd = d.std(ddof=1)
    df = n - 1
    tt = stats.ttest_rel(s_post, s_pre)
    half = stats.t.ppf(0.975, df) * sd / math.sqrt(n)
    dz = mean_gain / sd
    gz = (1 - 3 / (4 * df - 1)) * dz

    # Scores are 100 × sum/k in floating point, so gains that are equal (the same difference of quarter
    # marks) can differ in the last bits, and rankdata would split their tie: compare gains rounded to 1e-9.
    d_tied = np.round(d, 9)
    nz = d_tied[d_tied != 0]
    n_nz = nz.size
    ranks = stats.rankdata(np.abs(nz))
    w_plus = ranks[nz > 0].sum()
    w_minus = ranks[nz < 0].sum()
    exact = n_nz <= 25
    if n_nz > 0:  # the normal approximation's z (tie-corrected, no continuity correction), reported always
        _, tie_sizes = np.unique(np.abs(nz), return_counts=True)
        var_w = n_nz * (n_nz + 1) * (2 * n_nz + 1) / 24 - (tie_sizes ** 3 - tie_sizes).sum() / 48
        z = (min(w_plus, w_minus) - n_nz * (n_nz + 1) / 4) / math.sqrt(var_w) if var_w > 0 else float("nan")
    else:
        z = float("nan")
    if n_nz == 0:
        w_p = float("nan")
    elif exact:
        w_p = signed_rank_exact_p(ranks, w_plus)
    else:
        w_p = stats.wilcoxon(nz, zero_method="wilcox", correction=False, method="approx").pvalue

    below = s_pre < 100
    ind_g = (d[below] / (100 - s_pre[below])).mean() if below.any() else float("nan")
    if threshold is None:
        threshold = 10.0

    rows = []
    b_all, c_all, p_all = [], [], []
    for j, item in enumerate(items):
        right_pre = x_pre[:, j] == 1
        right_post = x_post[:, j] == 1
        b = int((right_pre & ~right_post).sum())
        c = int((~right_pre & right_post).sum())
        b_all.append(b)
        c_all.append(c)
        p_all.append(mcnemar(b, c))
    p_holm = holm(p_all)
    for j, item in enumerate(items):
        rows.append({
            "id": item,
            "preFacility": num((x_pre[:, j] == 1).mean()),
            "postFacility": num((x_post[:, j] == 1).mean()),
            "b": b_all[j],
            "c": c_all[j],
            "pMcNemar": num(p_all[j]),
            "pHolm": num(p_holm[j]),
        })

    return {
        "n": n,
        "nPreOnly": n_pre_only,
        "nPostOnly": n_post_only,
        "meanPre": num(mean_pre),
        "sdPre": num(s_pre.std(ddof=1)),
        "meanPost": num(mean_post),
        "sdPost": num(s_post.std(ddof=1)),
        "meanGain": num(mean_gain),
        "gainCI95": [num(mean_gain - half), num(mean_gain + half)],
        "sdGain": num(sd),
        "medianGain": num(np.median(d_tied)),
        "t": num(tt.statistic),
        "df": df,
        "pTTest": num(tt.pvalue),
        "wilcoxon": {
            "wPlus": num(w_plus), "wMinus": num(w_minus), "n": int(n_nz), "p": num(w_p), "exact": bool(exact),
            "z": num(z), "rankBiserial": num((w_plus - w_minus) / (w_plus + w_minus)) if n_nz > 0 else None,
        },
        "dz": num(dz),
        "gz": num(gz),
        "hakeG": num((mean_post - mean_pre) / (100 - mean_pre)),
        "meanIndividualG": num(ind_g),
        "nIndividualG": int(below.sum()),
        "pctImproved": num(100 * (d_tied > 0).mean()),
        "gainThreshold": threshold,
        "pctGainAtLeastThreshold": num(100 * (d_tied >= threshold).mean()),
        "items": rows,
    }


def item_analysis(marks_path):
    marks = read_marks(marks_path)
    x = marks.to_numpy()
    n, k = x.shape
    total = x.sum(axis=1)

    # Upper and lower 27% by total: one stable ascending sort (ties keep the file's row order); the lower
    # group is its first g rows, the upper group its last g.
    g = max(1, int(math.floor(0.27 * n + 0.5)))
    order = np.argsort(total, kind="stable")
    lower, upper = order[:g], order[-g:]

    var_total = total.var(ddof=1)
    sum_item_var = x.var(axis=0, ddof=1).sum()
    cov_total = np.array([np.cov(x[:, j], total)[0, 1] for j in range(k)])
    root_sum = np.sqrt(cov_total[cov_total >= 0]).sum()
    rows = []
    for j, item in enumerate(marks.columns):
        xi = x[:, j]
        rest = total - xi
        cov_rest = np.cov(xi, rest)[0, 1]
        var_x, var_r = xi.var(ddof=1), rest.var(ddof=1)
        corr = cov_rest / math.sqrt(var_x * var_r) if var_x > 0 and var_r > 0 else float("nan")
        point_biserial = cov_total[j] / math.sqrt(var_x * var_total) if var_x > 0 and var_total > 0 else float("nan")
        if k >= 3 and n > 2 and var_r > 0:  # Cronbach's alpha of the other k - 1 items, whose total is R_i
            alpha_deleted = (k - 1) / (k - 2) * (1 - (sum_item_var - var_x) / var_r)
        else:
            alpha_deleted = float("nan")
        cov_max = np.cov(np.sort(xi), np.sort(rest))[0, 1]
        rows.append({
            "id": item,
            "facility": num(xi.mean()),
            "sd": num(xi.std(ddof=1)),
            "randomGuessScore": None,
            "intendedWeight": num(1 / k),
            "effectiveWeight": num(math.sqrt(cov_total[j]) / root_sum) if cov_total[j] >= 0 and root_sum > 0 else None,
            "discriminationIndex": num(corr),
            "discriminativeEfficiency": num(cov_rest / cov_max) if cov_max != 0 else None,
            "itemRest": num(corr),
            "pointBiserial": num(point_biserial),
            "upperLowerD": num(xi[upper].mean() - xi[lower].mean()) if n >= 2 else None,
            "alphaIfDeleted": num(alpha_deleted),
        })

    alpha = k / (k - 1) * (1 - sum_item_var / var_total) if k > 1 else float("nan")
    dichotomous = bool(np.isin(x, (0.0, 1.0)).all())
    error_ratio = math.sqrt(1 - alpha) if alpha <= 1 else float("nan")
    sd = total.std(ddof=1) / k
    test = {
        "n": n,
        "mean": num(total.mean() / k),
        "median": num(np.median(total) / k),
        "sd": num(sd),
        "skewness": num(stats.skew(total, bias=False)),
        "kurtosis": num(stats.kurtosis(total, bias=False)),
        "cronbachAlpha": num(alpha),
        "kr20": num(alpha) if dichotomous else None,
        "errorRatio": num(error_ratio),
        "standardError": num(error_ratio * sd),
    }
    return {"items": rows, "test": test}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pre")
    ap.add_argument("--post")
    ap.add_argument("--threshold", type=float, default=10.0, help="gain in points for pctGainAtLeastThreshold (10)")
    ap.add_argument("--marks")
    args = ap.parse_args()
    if args.marks:
        out = item_analysis(args.marks)
    elif args.pre and args.post:
        out = prepost(args.pre, args.post, args.threshold)
    else:
        ap.error("give --pre and --post, or --marks")
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
