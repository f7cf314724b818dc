#!/usr/bin/env python3
"""Generate distances_reference.json, the reference values of PairwiseDistancesTests.

Run from anywhere:   python3 Tests/StatsTests/Fixtures/make_distances.py
Needs numpy 2.x and scipy (generated with numpy 2.4 and scipy 1.17); R (Rscript) is used, when
present, only to check the missing-value rule below against R's dist(). Seeded, so deterministic.
JSON5-compatible JSON as make_reference.py writes it (NaN as a bare token).

Sections
- complete: random data of several shapes, scipy.spatial.distance.pdist for every metric:
            euclidean, seuclidean (default V, ddof 1) as "standardised", cityblock as
            "manhattan", cosine, mahalanobis with VI = inv(np.cov(X.T)). The large case (parallel
            chunks in Swift) stores every 53rd pair only ("pairs" = condensed indices).
- missing:  data with NaN cells: R's dist rule, implemented in numpy (`dist_missing`) and, for
            euclidean and manhattan, checked here against R's dist() via Rscript: each pair uses
            the m of p variables both rows have, euclidean/standardised sqrt(p/m * sum of squares),
            manhattan p/m * sum, cosine on the shared variables (no rescaling), mahalanobis
            sqrt(p/m * d' inv(S_ss) d) with S the covariance of the complete rows; standardised
            divides each column by the sd (ddof 1) of its observed values; pairs with fewer than
            minimumShared (default max(1, ceil(p/2))) shared variables are NaN.
- balanced: dimension-balanced distances, a direct numpy implementation (`balanced`): per group
            the distance on its columns (minimum 1 shared variable there, else the group is absent),
            divided by the group's largest distance (0 if that is 0), weighted mean over the groups
            present (weights renormalised), NaN below minimumShared shared variables overall.
"""

import json
import math
import os
import shutil
import subprocess
import tempfile

import numpy as np
import scipy
from scipy.spatial.distance import pdist

SEED = 20261129
METRICS = ["euclidean", "standardised", "manhattan", "cosine", "mahalanobis"]
SCIPY = {"euclidean": "euclidean", "standardised": "seuclidean", "manhattan": "cityblock",
         "cosine": "cosine", "mahalanobis": "mahalanobis"}
rng = np.random.default_rng(SEED)


def floats(a):
    return [float(v) for v in np.ravel(a)]


def default_minimum(p):
    return max(1, math.ceil(p / 2))


def dist_missing(x, metric, minimum=None):
    """The toolkit's missing-value rule (R's dist for euclidean/manhattan), pair by pair."""
    n, p = x.shape
    minimum = default_minimum(p) if minimum is None else minimum
    observed = ~np.isnan(x)
    if metric == "standardised":
        x = x / np.array([np.std(x[observed[:, k], k], ddof=1) for k in range(p)])
    if metric == "mahalanobis":
        complete = observed.all(axis=1)
        s = np.cov(x[complete].T).reshape(p, p)
    values, shared = [], []
    for i in range(n):
        for j in range(i + 1, n):
            both = observed[i] & observed[j]
            m = int(both.sum())
            shared.append(m)
            if m < minimum or m == 0:
                values.append(math.nan)
                continue
            u, v = x[i, both], x[j, both]
            d = u - v
            if metric in ("euclidean", "standardised"):
                values.append(math.sqrt(p / m * float(np.sum(d * d))))
            elif metric == "manhattan":
                values.append(p / m * float(np.sum(np.abs(d))))
            elif metric == "cosine":
                c = float(np.dot(u, v)) / (math.sqrt(float(np.dot(u, u))) * math.sqrt(float(np.dot(v, v))))
                values.append(1 - max(-1.0, min(1.0, c)))
            else:
                block = s[np.ix_(both, both)]
                values.append(math.sqrt(p / m * float(d @ np.linalg.solve(block, d))))
    return np.array(values), np.array(shared)


def scipy_pdist(x, metric):
    if metric == "mahalanobis":
        return pdist(x, "mahalanobis", VI=np.linalg.inv(np.atleast_2d(np.cov(x.T))))
    return pdist(x, SCIPY[metric])


def r_dist(x, method):
    """R's dist(x, method) with NA cells (NaN here), or None without Rscript."""
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        data, out = os.path.join(folder, "x.csv"), os.path.join(folder, "d.csv")
        np.savetxt(data, x, delimiter=",", fmt="%.17g")
        script = (f'x <- as.matrix(read.csv("{data}", header = FALSE, na.strings = "nan")); '
                  f'd <- as.vector(dist(x, method = "{method}")); '
                  f'write.table(format(d, digits = 17), "{out}", row.names = FALSE, col.names = FALSE, quote = FALSE)')
        subprocess.run(["Rscript", "-e", script], check=True, capture_output=True)
        with open(out) as handle:
            return np.array([math.nan if line.strip() == "NA" else float(line) for line in handle])


def same(a, b, tolerance=1e-12):
    a, b = np.asarray(a), np.asarray(b)
    both_nan = np.isnan(a) & np.isnan(b)
    close = np.abs(a - b) <= tolerance * np.maximum(1, np.abs(b))
    return bool(np.all(both_nan | close))


def with_missing(x, share):
    y = x.copy()
    y[rng.random(y.shape) < share] = np.nan
    return y


def complete_case(name, n, p, kind="normal", sample_every=None):
    if kind == "normal":
        x = rng.normal(size=(n, p))
    elif kind == "scaled":  # columns on different scales and offsets
        x = rng.normal(size=(n, p)) * 10.0 ** rng.integers(-2, 3, size=p) + rng.normal(size=p) * 100
    else:  # short decimals, ties
        x = np.round(rng.uniform(-5, 5, size=(n, p)), 1)
    case = {"name": name, "rows": n, "columns": p, "data": floats(x), "metrics": {}}
    pairs = None if sample_every is None else np.arange(0, n * (n - 1) // 2, sample_every)
    if pairs is not None:
        case["pairs"] = [int(v) for v in pairs]
    for metric in METRICS:
        if metric == "mahalanobis" and n <= p:
            continue
        d = scipy_pdist(x, metric)
        if n <= 60:  # the rule reduces to scipy on complete data
            assert same(dist_missing(x, metric, 1)[0], d, 1e-10), (name, metric)
        case["metrics"][metric] = floats(d if pairs is None else d[pairs])
    return case


def missing_case(name, n, p, share, metrics, minimum=None, all_missing_row=False):
    x = with_missing(rng.normal(size=(n, p)) * rng.uniform(0.5, 3, size=p), share)
    if all_missing_row:
        x[1, :] = np.nan
    case = {"name": name, "rows": n, "columns": p, "data": floats(x), "minimumShared": minimum, "metrics": {}}
    shared = None
    for metric in metrics:
        values, counts = dist_missing(x, metric, minimum)
        if metric in ("euclidean", "manhattan"):
            r = r_dist(x, metric)
            if r is not None:
                keep = counts >= (default_minimum(p) if minimum is None else minimum)
                assert same(values[keep], r[keep]), (name, metric, "R dist disagrees")
        case["metrics"][metric] = floats(values)
        shared = counts
    case["shared"] = [int(v) for v in shared]
    return case


def balanced(x, groups, weights, metric, minimum):
    n = x.shape[0]
    total = sum(len(g) for g in groups)
    minimum = default_minimum(total) if minimum is None else minimum
    weights = [1.0] * len(groups) if weights is None else weights
    pairs = n * (n - 1) // 2
    acc, wsum, shared = np.zeros(pairs), np.zeros(pairs), np.zeros(pairs, dtype=int)
    for g, columns in enumerate(groups):
        values, counts = dist_missing(x[:, columns], metric, 1)
        largest = np.nanmax(values) if not np.all(np.isnan(values)) else 0.0
        present = ~np.isnan(values)
        scaled = values / largest if largest > 0 else np.zeros(pairs)
        acc[present] += weights[g] * scaled[present]
        wsum[present] += weights[g]
        shared += counts
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where((shared < minimum) | (wsum == 0), np.nan, acc / wsum)
    return out, shared


def balanced_case(name, n, p, groups, weights, metrics, share=0.0, minimum=None):
    x = rng.normal(size=(n, p)) * rng.uniform(0.2, 5, size=p)
    if share > 0:
        x = with_missing(x, share)
    case = {"name": name, "rows": n, "columns": p, "data": floats(x), "groups": groups, "weights": weights,
            "minimumShared": minimum, "metrics": {}}
    shared = None
    for metric in metrics:
        values, shared = balanced(x, groups, weights, metric, minimum)
        case["metrics"][metric] = floats(values)
    case["shared"] = None if share == 0 else [int(v) for v in shared]
    return case


def main():
    complete = [
        complete_case("2 x 1", 2, 1),
        complete_case("3 x 2", 3, 2),
        complete_case("9 x 3 decimals", 9, 3, "decimals"),
        complete_case("13 x 5", 13, 5),
        complete_case("21 x 2 scaled", 21, 2, "scaled"),
        complete_case("37 x 7 scaled", 37, 7, "scaled"),
        complete_case("34 x 21", 34, 21),
        complete_case("6 x 9 (no mahalanobis)", 6, 9),
        complete_case("270 x 4, every 53rd pair", 270, 4, sample_every=53),
    ]
    missing = [
        missing_case("12 x 5, 20% missing", 12, 5, 0.2, ["euclidean", "standardised", "manhattan", "cosine"]),
        missing_case("30 x 6, 25% missing, minimumShared 5", 30, 6, 0.25,
                     ["euclidean", "standardised", "manhattan", "cosine"], minimum=5),
        missing_case("19 x 4, row 2 all missing, minimumShared 1", 19, 4, 0.15,
                     ["euclidean", "standardised", "manhattan"], minimum=1, all_missing_row=True),
        missing_case("40 x 4, 5% missing", 40, 4, 0.05, ["euclidean", "manhattan", "cosine", "mahalanobis"]),
        missing_case("60 x 7, 8% missing, minimumShared 2", 60, 7, 0.08, ["mahalanobis", "standardised"], minimum=2),
    ]
    balanced_cases = [
        balanced_case("15 x 6, 3 groups", 15, 6, [[0, 1], [2, 3, 4], [5]], None, METRICS[:4]),
        balanced_case("25 x 8, 2 groups of a subset, weights 2 and 1", 25, 8, [[7, 0, 3], [5, 1]], [2.0, 1.0], METRICS),
        balanced_case("20 x 6, missing, weights 1 0 3", 20, 6, [[0, 1], [2], [3, 4, 5]], [1.0, 0.0, 3.0],
                      ["euclidean", "manhattan", "standardised"], share=0.25),
        balanced_case("30 x 5, missing, minimumShared 4", 30, 5, [[0, 2], [1, 3, 4]], None,
                      ["euclidean", "cosine", "mahalanobis"], share=0.06, minimum=4),
    ]
    reference = {"numpy": np.__version__, "scipy": scipy.__version__, "seed": SEED,
                 "complete": complete, "missing": missing, "balanced": balanced_cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "distances_reference.json")
    with open(path, "w") as handle:
        json.dump(reference, handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
