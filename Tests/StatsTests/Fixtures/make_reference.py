#!/usr/bin/env python3
"""Generate reference.json, the reference values the StatsTests compare the Stats module against.

Run from anywhere:   python3 Tests/StatsTests/Fixtures/make_reference.py
Needs numpy 2.x and scipy (generated with numpy 2.4 and scipy 1.17). Seeded, so deterministic:
running it twice writes the same file.

The file is JSON5-compatible JSON (Python's json module): floats are written with repr(), so they
round-trip exactly, and missing values are the bare tokens NaN / Infinity / -Infinity, which Swift's
JSONDecoder reads with `allowsJSON5 = true`.

Sections
- quantile:          random samples, numpy's np.quantile for all nine Hyndman & Fan methods.
- quantileMissing:   samples with NaN cells, numpy's np.nanquantile, with the counts.
- quantileNonFinite: samples with +-Infinity, numpy's np.quantile (NaN where numpy's lerp gives NaN).
- boxplot:           quartiles by np.quantile, Tukey fences, whiskers by the ggplot2 rule that
                     BoxplotStatistics documents (range of Q1, Q3 and the non-outliers), outliers and
                     their 0-based positions in the input including NaN cells.
- fivenum:           R's stats::fivenum algorithm, transcribed.
- describe:          mean, var/sd (ddof=1), scipy.stats.skew/kurtosis(bias=False) (= Excel SKEW/KURT).
                     scipy falls back to the biased estimate for n < 3 (skew) and n < 4 (kurtosis);
                     Excel and the toolkit give NaN there, and so does this file.
- ranks:             scipy.stats.rankdata with 'min', 'average', 'max', 'ordinal' (= R's 'first'),
                     ascending and descending (rankdata(-x)), NaN cells kept as NaN (R's na.last="keep").
- correlation:       scipy.stats.pearsonr / spearmanr over the complete pairs.
"""

import json
import math
import os
import sys

import numpy as np
import scipy
import scipy.stats as st

SEED = 20240611
METHODS = [  # Hyndman & Fan types 1..9, numpy's names
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
    "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased",
]

rng = np.random.default_rng(SEED)


def floats(a):
    return [float(v) for v in a]


def sample(kind, n):
    """A sample of n values of the given kind. Many kinds have short decimal representations to keep
    the file small; 'normal' and 'lognormal' use full-precision doubles."""
    if kind == "normal":
        return rng.normal(size=n)
    if kind == "lognormal":
        return rng.lognormal(size=n) * 10.0 ** int(rng.integers(-3, 4))
    if kind == "ties04":  # heavy ties: integers 0..4
        return rng.integers(0, 5, size=n).astype(float)
    if kind == "negative":  # negative values only
        return -np.round(rng.exponential(size=n) * 1000) / 100
    if kind == "signed":  # both signs, some ties
        return np.round(rng.normal(size=n) * 50) / 8
    if kind == "decimals":
        return np.round(rng.uniform(-1, 1, size=n), 3)
    if kind == "sorted":
        return np.sort(np.round(rng.normal(size=n) * 100, 2))
    if kind == "reversed":
        return np.sort(np.round(rng.normal(size=n) * 100, 2))[::-1].copy()
    if kind == "organpipe":
        h = np.arange(n, dtype=float)
        return np.minimum(h, n - 1 - h)
    if kind == "sawtooth":
        return (np.arange(n) % 7).astype(float)
    if kind == "constant":
        return np.full(n, 2.5)
    if kind == "outliers":  # a bulk and a few far values, for boxplots
        x = np.round(rng.normal(size=n) * 10, 1)
        m = max(1, n // 8)
        idx = rng.choice(n, size=min(m, n), replace=False)
        x[idx] = np.round(x[idx] * rng.choice([-8.0, 6.0, 12.0], size=len(idx)), 1)
        return x
    raise ValueError(kind)


def probabilities(n):
    """0, 1, the quartiles, 0.1, 0.2, 1/3, a few exact knots of the nine definitions for this n
    (k/n, (k - 0.5)/n, k/(n + 1), (k - 1)/(n - 1), (k - 1/3)/(n + 1/3), (k - 3/8)/(n + 1/4)),
    and random ones."""
    ps = [0.0, 1.0, 0.25, 0.5, 0.75, 0.1, 0.2, 1 / 3]
    knots = set()
    for k in range(0, n + 2):
        for p in (k / n, (k - 0.5) / n, k / (n + 1), (k - 1) / max(n - 1, 1),
                  (k - 1 / 3) / (n + 1 / 3), (k - 3 / 8) / (n + 1 / 4)):
            if 0 <= p <= 1:
                knots.add(p)
    knots = sorted(knots)
    chosen = rng.choice(len(knots), size=min(4, len(knots)), replace=False)
    ps += [knots[i] for i in sorted(chosen)]
    ps += floats(rng.random(2))
    return [float(p) for p in ps]


def quantile_case(name, x, ps=None, nan=False):
    ps = probabilities(max(1, int(np.sum(~np.isnan(x))))) if ps is None else ps
    f = np.nanquantile if nan else np.quantile
    with np.errstate(all="ignore"):
        values = {m: floats(f(x, ps, method=m)) for m in METHODS}
    case = {"name": name, "x": floats(x), "p": ps, "q": values}
    if nan:
        case["count"] = int(np.sum(~np.isnan(x)))
        case["missing"] = int(np.sum(np.isnan(x)))
    return case


def quantile_cases():
    cases = []
    kinds = ["normal", "ties04", "negative", "signed", "decimals", "lognormal"]
    for n in list(range(1, 41)) + [45, 50, 55, 60]:  # every n up to 40, cycling through the kinds
        cases.append(quantile_case(f"n{n}-{kinds[n % len(kinds)]}", sample(kinds[n % len(kinds)], n)))
    for n in (1, 2, 2, 3, 4, 5, 7, 12, 25, 40):  # more heavy ties, small n
        cases.append(quantile_case(f"n{n}-ties04", sample("ties04", n)))
    for n in (1, 2, 3, 9, 33):
        cases.append(quantile_case(f"n{n}-normal", sample("normal", n)))
    for kind, n in [("ties04", 100), ("signed", 101), ("decimals", 257), ("sorted", 300),
                    ("reversed", 300), ("organpipe", 401), ("sawtooth", 3000), ("constant", 64),
                    ("ties04", 2500), ("normal", 150)]:
        cases.append(quantile_case(f"n{n}-{kind}", sample(kind, n)))
    return cases


def quantile_missing_cases():
    cases = []
    for i, (kind, n) in enumerate([("normal", 10), ("ties04", 17), ("signed", 30), ("decimals", 45),
                                   ("negative", 8), ("ties04", 3)]):
        x = sample(kind, n)
        x[rng.choice(n, size=max(1, n // 4), replace=False)] = np.nan
        cases.append(quantile_case(f"nan-{i}-{kind}", x, nan=True))
    # only one value present; and no value present at all (every quantile missing)
    cases.append(quantile_case("nan-one-left", np.array([np.nan, 4.25, np.nan]), nan=True))
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cases.append(quantile_case("nan-all", np.array([np.nan, np.nan]), ps=[0.0, 0.5, 1.0],
                                       nan=True))
    return cases


def quantile_nonfinite_cases():
    inf = math.inf
    ps = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1 / 3]
    samples = [
        ("plus-inf", [inf, 1.0, 2.0]),
        ("minus-inf", [3.0, -inf, 1.0, 2.0]),
        ("both-inf", [inf, -inf, 0.5, 1.5, 2.5, -7.0]),
        ("huge", [-1.7e308, 1.7e308, 0.0, 1e308]),
    ]
    return [quantile_case(name, np.array(x), ps=ps) for name, x in samples]


def boxplot_reference(x, k, method):
    clean = x[~np.isnan(x)]
    if len(clean) == 0:
        return None
    q1, med, q3 = (float(v) for v in np.quantile(clean, [0.25, 0.5, 0.75], method=method))
    iqr = q3 - q1
    lf, uf = q1 - k * iqr, q3 + k * iqr
    outliers, positions, inside = [], [], [q1, q3]
    for i, v in enumerate(x):
        if math.isnan(v):
            continue
        if v < lf or v > uf:
            outliers.append(float(v))
            positions.append(i)
        else:
            inside.append(float(v))
    return {"count": int(len(clean)), "missing": int(len(x) - len(clean)),
            "q1": q1, "median": med, "q3": q3, "lowerFence": lf, "upperFence": uf,
            "lowerWhisker": min(inside), "upperWhisker": max(inside),
            "outliers": outliers, "outlierPositions": positions}


def boxplot_cases():
    cases = []
    kinds = ["outliers", "outliers", "ties04", "signed", "normal", "negative", "outliers"]
    ks = [1.5, 1.5, 1.5, 1.0, 3.0, 0.0, 0.5]
    types = [7, 7, 7, 7, 6, 5, 8, 1, 2, 3, 4, 9]
    for i in range(48):
        n = int(rng.integers(1, 60)) if i % 10 else int(rng.integers(1, 5))
        kind = kinds[i % len(kinds)]
        x = sample(kind, n)
        if i % 5 == 0 and n > 2:
            x[rng.choice(n, size=max(1, n // 5), replace=False)] = np.nan
        k = ks[i % len(ks)]
        t = types[i % len(types)]
        ref = boxplot_reference(x, k, METHODS[t - 1])
        if ref is None:
            continue
        cases.append({"name": f"box{i}-{kind}-n{n}", "x": floats(x), "k": k, "type": t, **ref})
    # fixed degenerate samples
    for name, x in [("whisker-inside-box", [0.0, 100.0, 100.0, 100.0]),
                    ("all-equal", [3.0] * 6),
                    ("iqr-zero", [1.0, 5.0, 5.0, 5.0, 5.0, 5.0, 9.0]),
                    ("issue-1-to-10-and-30", [float(v) for v in range(1, 11)] + [30.0])]:
        cases.append({"name": name, "x": x, "k": 1.5, "type": 7,
                      **boxplot_reference(np.array(x), 1.5, "linear")})
    return cases


def fivenum_r(x):
    """R's stats::fivenum, transcribed (NaN removed, then sorted)."""
    xs = np.sort(x[~np.isnan(x)])
    n = len(xs)
    if n == 0:
        return [math.nan] * 5
    n4 = math.floor((n + 3) / 2) / 2
    d = [1, n4, (n + 1) / 2, n + 1 - n4, n]
    return [0.5 * (float(xs[math.floor(di) - 1]) + float(xs[math.ceil(di) - 1])) for di in d]


def fivenum_cases():
    cases = []
    kinds = ["normal", "ties04", "signed", "decimals", "negative"]
    for n in range(1, 41):
        x = sample(kinds[n % len(kinds)], n)
        if n % 7 == 0:
            x[rng.choice(n, size=2, replace=False)] = np.nan
        cases.append({"name": f"fivenum-n{n}", "x": floats(x), "expected": fivenum_r(x)})
    return cases


def describe_cases():
    cases = []
    kinds = ["normal", "lognormal", "ties04", "signed", "decimals", "negative", "outliers"]
    for i in range(30):
        n = int(rng.integers(4, 80))
        kind = kinds[i % len(kinds)]
        x = sample(kind, n)
        if i % 4 == 0:
            x[rng.choice(n, size=max(1, n // 6), replace=False)] = np.nan
        c = x[~np.isnan(x)]
        m = len(c)
        skew = float(st.skew(c, bias=False)) if m >= 3 else math.nan
        kurt = float(st.kurtosis(c, bias=False)) if m >= 4 else math.nan
        cases.append({"name": f"describe{i}-{kind}-n{n}", "x": floats(x), "count": m,
                      "missing": int(n - m), "mean": float(np.mean(c)),
                      "variance": float(np.var(c, ddof=1)), "sd": float(np.std(c, ddof=1)),
                      "skewness": skew, "kurtosis": kurt, "min": float(np.min(c)),
                      "max": float(np.max(c)), "median": float(np.median(c))})
    return cases


def rank_reference(x, method, descending):
    present = ~np.isnan(x)
    out = np.full(len(x), np.nan)
    values = -x[present] if descending else x[present]
    if len(values):
        out[present] = st.rankdata(values, method=method)
    return floats(out)


def ranks_cases():
    cases = []
    kinds = ["ties04", "signed", "normal", "decimals", "sawtooth", "constant"]
    for i in range(24):
        n = int(rng.integers(1, 40))
        kind = kinds[i % len(kinds)]
        x = sample(kind, n)
        if i % 3 == 0 and n > 1:
            x[rng.choice(n, size=max(1, n // 5), replace=False)] = np.nan
        case = {"name": f"ranks{i}-{kind}-n{n}", "x": floats(x)}
        for method in ("min", "average", "max", "ordinal"):
            case[method] = rank_reference(x, method, False)
            case[method + "Descending"] = rank_reference(x, method, True)
        cases.append(case)
    return cases


def correlation_cases():
    cases = []
    for i in range(30):
        n = int(rng.integers(3, 60))
        if i % 4 == 1:  # heavy ties
            x = sample("ties04", n)
            y = x + sample("ties04", n)
        else:
            x = sample("normal" if i % 2 else "signed", n)
            y = rng.normal(size=n) * float(rng.uniform(0.1, 3)) + float(rng.uniform(-1, 1)) * x
            y = np.round(y, 4) if i % 3 == 0 else y
        if i % 3 == 0:
            x[rng.choice(n, size=max(1, n // 6), replace=False)] = np.nan
            y[rng.choice(n, size=max(1, n // 7), replace=False)] = np.nan
        ok = ~np.isnan(x) & ~np.isnan(y)
        if ok.sum() < 3 or np.ptp(x[ok]) == 0 or np.ptp(y[ok]) == 0:
            continue
        cases.append({"name": f"cor{i}-n{n}", "x": floats(x), "y": floats(y),
                      "count": int(ok.sum()), "missing": int(n - ok.sum()),
                      "pearson": float(st.pearsonr(x[ok], y[ok]).statistic),
                      "spearman": float(st.spearmanr(x[ok], y[ok]).statistic)})
    return cases


def main():
    reference = {
        "generator": "Tests/StatsTests/Fixtures/make_reference.py",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "seed": SEED,
        "methods": METHODS,
        "quantile": quantile_cases(),
        "quantileMissing": quantile_missing_cases(),
        "quantileNonFinite": quantile_nonfinite_cases(),
        "boxplot": boxplot_cases(),
        "fivenum": fivenum_cases(),
        "describe": describe_cases(),
        "ranks": ranks_cases(),
        "correlation": correlation_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
    text = json.dumps(reference, separators=(",", ":"), allow_nan=True)
    with open(path + ".tmp", "w") as f:
        f.write(text)
        f.write("\n")
    os.replace(path + ".tmp", path)
    print(f"wrote {path}: {len(text)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
