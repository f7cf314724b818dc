#!/usr/bin/env python3
"""Side-by-side benchmark: the Stats module (Swift, ordo-one/benchmark) against numpy, in one run.

Runs the Swift benchmarks of Benchmarks/StatsBenchmarks through `swift package benchmark`
(release build, scratch path .build-bench so it never waits on the default .build lock), reads
their wall-clock samples (--format histogramSamples), then runs the same workloads in numpy on the
same data (the same SplitMix64 + Box-Muller generator and seeds, so the inputs are the same numbers
up to the last bit of libm's log/sin/cos), and prints one table:

    workload | Swift median ms | numpy median ms | ratio numpy/Swift (> 1: Swift is faster)

The numpy side runs in a child process whose environment lacks OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE (this machine may set them, and they slow numpy down).

Usage (from the package root or anywhere):
    python3 Benchmarks/compare.py                  # everything, about 3-5 minutes after a build
    python3 Benchmarks/compare.py --only quartiles # or boxplot, pipeline, sobol (SALib in .venv/),
                                                   # tipping-single, tipping-pairwise, uncertainty, ward
    python3 Benchmarks/compare.py --only uncertainty,sobol  # several, comma-separated
    python3 Benchmarks/compare.py --only panel     # the RIS 2023 benchmark panel as SVG against
                                                   # matplotlib (whole processes, .venv/ Python)
    python3 Benchmarks/compare.py --only notebook  # rendering Data/notebooks/tour.md against
                                                   # jupyter nbconvert --execute of Benchmarks/tour.ipynb
    python3 Benchmarks/compare.py --loop-rows 1000000  # time the numpy loop on all 1M rows
"""

import argparse
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = "StatsBenchmarks"
SCRATCH = ".build-bench"
OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")

# Kept in step with Benchmarks/StatsBenchmarks/BenchmarkData.swift and StatsBenchmarks.swift.
QUARTILES_COUNT, QUARTILES_SEED = 10_000_000, 1
BOXPLOT_VECTORS, BOXPLOT_LENGTH, BOXPLOT_SEED = 1_000_000, 26, 2
SWIFT_NAMES = {
    "quartiles": "Quartiles of 10M doubles",
    "boxplot": "Boxplot statistics of 1M x 26",
    "sobol": "Sobol of 21 RIS 2023 weights N 16384",  # Sobol' block below
}
# Composite-indicator pipeline (PipelineBenchmarks.swift): see the pipeline block below.
SWIFT_NAMES["pipeline"] = "Pipeline impute-treat-normalise of 2000 x 500"


# ---------------------------------------------------------------------------------------------
# Weight tipping points (Benchmarks/StatsBenchmarks/TippingBenchmarks.swift). No Python package
# computes them; the peer is what an analyst would write: scipy's SLSQP for each pairwise QP
# (timed on the first TIPPING_SLSQP_REGIONS regions and scaled to all 240), and numpy's
# vectorised crossing points for the single-weight tipping points.

TIPPING_REGIONS, TIPPING_COMPONENTS, TIPPING_SEED = 240, 21, 3
TIPPING_SLSQP_REGIONS = 4
SWIFT_NAMES.update({
    "tipping-pairwise": "Pairwise tipping points of 240 x 21",
    "tipping-single": "Single-weight tipping points of 240 x 21",
})


def tipping_data(np):
    x = standard_normal(np, TIPPING_REGIONS * TIPPING_COMPONENTS, TIPPING_SEED).reshape(
        TIPPING_REGIONS, TIPPING_COMPONENTS)
    m = TIPPING_COMPONENTS
    return x, np.arange(1, m + 1) / (m * (m + 1) / 2)


def tipping_pairwise_slsqp(np, x, w, regions):
    """min ||v - w|| s.t. sum(v) = 1, v >= 0, (x_r - x_q)'v = 0 for every pair, by SLSQP."""
    from scipy.optimize import minimize
    ones = np.ones_like(w)
    scores = x @ w
    total = 0.0
    for r in regions:
        for q in range(len(x)):
            a = x[r] - x[q]
            side = scores[r] - scores[q]
            if q == r or side == 0 or (np.sign(side) * a).min() > 0:
                continue
            result = minimize(
                lambda v: 0.5 * np.dot(v - w, v - w), w, jac=lambda v: v - w, method="SLSQP",
                bounds=[(0, 1)] * len(w),
                constraints=[{"type": "eq", "fun": lambda v: v.sum() - 1, "jac": lambda v: ones},
                             {"type": "eq", "fun": lambda v, a=a: a @ v, "jac": lambda v, a=a: a}])
            total += np.sqrt(2 * result.fun)
    return total


def tipping_single_numpy(np, x, w):
    """TippingPoints.singleWeight for every region: exact crossings, vectorised over regions
    and components; the nearest change per direction with its rank."""
    scores = x @ w
    out = []
    for r in range(len(x)):
        keep = np.arange(len(x)) != r
        d0 = (scores[r] - scores)[keep][:, None]
        a = (x[r] - x)[keep]
        rank = 1 + int((d0 < 0).sum())
        weighted = a * w
        directions = [(a, lambda f: np.where(f == 1, 1.0, w + (1 - w) * f)),
                      ((weighted.sum(axis=1)[:, None] - weighted) / (1 - w), lambda f: np.where(f == 1, 0.0, w - w * f))]
        for ends, to_weight in directions:
            leaves = (d0 < 0) & (ends >= 0)
            enters = (d0 >= 0) & (ends < 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                f = np.where(d0 == 0, 0.0, d0 / (d0 - ends))
            f = np.where(leaves | enters, f, np.inf)
            nearest = f.min(axis=0)
            group = f <= nearest + 1e-12
            rank_at = rank - (group & leaves).sum(axis=0)
            out.append((to_weight(nearest), rank_at + (group & enters).sum(axis=0)))
    return out


def tipping_side(np, arguments, results):
    if not (wanted(arguments, "tipping-pairwise") or wanted(arguments, "tipping-single")):
        return
    x, w = tipping_data(np)
    if wanted(arguments, "tipping-pairwise"):
        regions = range(TIPPING_SLSQP_REGIONS)
        tipping_pairwise_slsqp(np, x, w, range(1))
        times = timed(lambda: tipping_pairwise_slsqp(np, x, w, regions), 3)
        scale = TIPPING_REGIONS / TIPPING_SLSQP_REGIONS
        results["tipping-pairwise"] = {"times": [t * scale for t in times]}
    if wanted(arguments, "tipping-single"):
        tipping_single_numpy(np, x, w)
        results["tipping-single"] = {"times": timed(lambda: tipping_single_numpy(np, x, w), arguments.repetitions)}


def tipping_rows(swift, peer):
    rows = []
    if "tipping-pairwise" in swift and "tipping-pairwise" in peer:
        rows.append(("Pairwise tipping points of 240 x 21",
                     f"scipy SLSQP per pair, timed on {TIPPING_SLSQP_REGIONS} regions x {TIPPING_REGIONS // TIPPING_SLSQP_REGIONS}",
                     swift["tipping-pairwise"], peer["tipping-pairwise"]["times"]))
    if "tipping-single" in swift and "tipping-single" in peer:
        rows.append(("Single-weight tipping points of 240 x 21", "numpy vectorised crossings",
                     swift["tipping-single"], peer["tipping-single"]["times"]))
    return rows

# --- uncertainty (Monte Carlo ranks; kept in step with Benchmarks/StatsBenchmarks/UncertaintyBenchmarks.swift)
UNCERTAINTY_SAMPLES, UNCERTAINTY_FRACTION, UNCERTAINTY_BLOCK = 1_000_000, 0.25, 10_000
SWIFT_NAMES["uncertainty"] = "Uncertainty of RIS 2023 ranks, 1M samples"
# --- end uncertainty


# --- pdist (all pairwise distances; kept in step with Benchmarks/StatsBenchmarks/DistanceBenchmarks.swift)
# Euclidean distances of 10,000 x 21 standard normal rows (seed 5) against
# scipy.spatial.distance.pdist(X), which runs on one thread; Swift uses every core. Also the peak
# memory (maximum resident set size, /usr/bin/time -v) of one child process per side.
PDIST_ROWS, PDIST_COLUMNS, PDIST_SEED = 10_000, 21, 5
SWIFT_NAMES["pdist"] = "All pairwise distances of 10,000 x 21"


def pdist_data(np):
    return standard_normal(np, PDIST_ROWS * PDIST_COLUMNS, PDIST_SEED).reshape(PDIST_ROWS, PDIST_COLUMNS)


def pdist_side(np, arguments, results):
    if not wanted(arguments, "pdist"):
        return
    from scipy.spatial.distance import pdist
    x = pdist_data(np)
    pdist(x[:1000])  # warm-up
    results["pdist"] = {"times": timed(lambda: pdist(x), max(3, arguments.repetitions // 3))}


def pdist_peak_memory():
    """Maximum resident set size (kB) of (Swift) the release benchmark executable on this workload
    alone (the harness and every iteration included) and (scipy) a Python that imports numpy and
    scipy, makes the data and calls pdist once; None where not measurable."""
    swift = swift_peak_memory("pdist")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import numpy as np; import compare; "
            "from scipy.spatial.distance import pdist; d = pdist(compare.pdist_data(np)); print(d[-1])")
    scipy_peak = peak_memory([sys.executable, "-c", code, os.path.dirname(os.path.abspath(__file__))],
                             numpy_environment()[0])
    return swift, scipy_peak


def pdist_rows(swift, peer):
    if "pdist" not in swift or "pdist" not in peer:
        return []
    s_ms, p_ms = statistics.median(swift["pdist"]), statistics.median(peer["pdist"]["times"])
    print(f"pdist: Swift median {s_ms:.1f} ms, scipy median {p_ms:.1f} ms, ratio scipy/Swift {p_ms / s_ms:.2f} "
          "(Swift uses every core, scipy one)")
    swift_peak, scipy_peak = pdist_peak_memory()
    def mb(kb):
        return f"{kb / 1024:.0f} MB" if kb else "not measured"
    print(f"pdist: peak memory (maximum resident set size, /usr/bin/time -v): Swift {mb(swift_peak)} "
          f"(whole benchmark process), scipy {mb(scipy_peak)} (python with numpy and scipy); "
          f"the distances alone are {PDIST_ROWS * (PDIST_ROWS - 1) // 2 * 8 / 2 ** 20:.0f} MB")
    return [("All pairwise distances of 10,000 x 21", "scipy.spatial.distance.pdist(X)", swift["pdist"],
             peer["pdist"]["times"])]
# --- end pdist


# ---------------------------------------------------------------------------------------------
# numpy side (runs in a child process: `compare.py --numpy-side ...`)

def splitmix64(np, seed, count):
    """The first `count` outputs of SplitMix64 from `seed` (uint64 arithmetic wraps in numpy)."""
    z = np.uint64(seed) + np.arange(1, count + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def standard_normal(np, count, seed):
    """BenchmarkData.standardNormal(count:seed:): uniforms on (0, 1) from 53 bits, Box-Muller."""
    pairs = (count + 1) // 2
    u = ((splitmix64(np, seed, 2 * pairs) >> np.uint64(11)).astype(np.float64) + 0.5) * 2.0 ** -53
    radius = np.sqrt(-2 * np.log(u[0::2]))
    angle = 2 * np.pi * u[1::2]
    out = np.empty(2 * pairs)
    out[0::2] = radius * np.cos(angle)
    out[1::2] = radius * np.sin(angle)
    return out[:count]


def boxplot_row(np, row):
    """Boxplot statistics of one vector, as Stats.BoxplotStatistics: type 7 quartiles, Tukey
    fences at 1.5 IQR, whiskers = most extreme non-outliers but never inside the box, outliers
    with their positions."""
    q1, median, q3 = np.percentile(row, [25, 50, 75])
    iqr = q3 - q1
    lower_fence, upper_fence = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    outlying = (row < lower_fence) | (row > upper_fence)
    lower_whisker = np.min(row, where=~outlying, initial=q1)
    upper_whisker = np.max(row, where=~outlying, initial=q3)
    positions = np.flatnonzero(outlying)
    return q1, median, q3, lower_whisker, upper_whisker, row[positions], positions


def boxplot_loop(np, matrix):
    outliers = 0
    for row in matrix:
        outliers += len(boxplot_row(np, row)[5])
    return outliers


def boxplot_vectorised(np, matrix):
    q1, median, q3 = np.percentile(matrix, [25, 50, 75], axis=1)
    iqr = q3 - q1
    lower_fence, upper_fence = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    outlying = (matrix < lower_fence[:, None]) | (matrix > upper_fence[:, None])
    lower_whisker = np.minimum(q1, np.where(outlying, np.inf, matrix).min(axis=1))
    upper_whisker = np.maximum(q3, np.where(outlying, -np.inf, matrix).max(axis=1))
    counts = outlying.sum(axis=1)
    return int(counts.sum()), lower_whisker, upper_whisker, median


# --- uncertainty: numpy peer
def ris2023(np):
    """The 21 indicator columns (1.1.2 ... 4.3.2) of the 2023 rows: 246 x 21 (see ris2023_matrix)."""
    return ris2023_matrix(np)[1]


def uncertainty_numpy(np, x, samples, seed=2023):
    """The Swift workload vectorised: blocks of 10,000 weight draws W = U(0.75, 1.25) / d,
    renormalised, scores = W @ X.T, ranks by one argsort per sample row and a scatter of 1..n
    (ordinal ranks: the same as "min" ranks when no two scores tie, as here), counts per region
    and rank by bincount, then type 7 percentiles exactly from the counts. The fastest honest
    numpy program found: argsort twice or ties handled by run starts is slower."""
    n, d = x.shape
    rng = np.random.default_rng(seed)
    counts = np.zeros(n * n, dtype=np.int64)
    offsets = (np.arange(n) * n)[None, :]
    positions = np.arange(n)[None, :]
    for start in range(0, samples, UNCERTAINTY_BLOCK):
        size = min(UNCERTAINTY_BLOCK, samples - start)
        w = rng.uniform(1 - UNCERTAINTY_FRACTION, 1 + UNCERTAINTY_FRACTION, size=(size, d)) / d
        w /= w.sum(axis=1, keepdims=True)
        scores = w @ x.T
        order = np.argsort(-scores, axis=1)
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, positions, axis=1)  # 0-based rank
        counts += np.bincount((offsets + ranks).ravel(), minlength=n * n)
    counts = counts.reshape(n, n)
    cumulative = np.cumsum(counts, axis=1)
    result = {}
    for name, p in (("p05", 0.05), ("median", 0.5), ("p95", 0.95)):
        h = (samples - 1) * p  # numpy's linear (type 7) virtual index into the sorted ranks
        lower = np.floor(h)
        below = (cumulative <= lower).sum(axis=1) + 1  # rank of order statistic `lower`
        above = (cumulative <= min(lower + 1, samples - 1)).sum(axis=1) + 1
        result[name] = below + (h - lower) * (above - below)
    result["mean"] = (counts * np.arange(1, n + 1)).sum(axis=1) / samples
    return result


def uncertainty_numpy_textbook(np, x, samples, seed=2023):
    """The program the issue names, as an analyst writes it: blocks of 10,000 weight draws,
    scores = W @ X.T, ranks by argsort twice (ordinal; the same as "min" ranks when nothing
    ties), every sample's ranks kept (int16, 2 bytes x regions x samples), then np.percentile
    over the samples and the mean."""
    n, d = x.shape
    rng = np.random.default_rng(seed)
    ranks = np.empty((samples, n), dtype=np.int16)
    for start in range(0, samples, UNCERTAINTY_BLOCK):
        size = min(UNCERTAINTY_BLOCK, samples - start)
        w = rng.uniform(1 - UNCERTAINTY_FRACTION, 1 + UNCERTAINTY_FRACTION, size=(size, d)) / d
        w /= w.sum(axis=1, keepdims=True)
        ranks[start:start + size] = (-(w @ x.T)).argsort(axis=1).argsort(axis=1) + 1
    p05, median, p95 = np.percentile(ranks, [5, 50, 95], axis=0)
    return {"p05": p05, "median": median, "p95": p95, "mean": ranks.mean(axis=0)}


def uncertainty_peak_memory():
    """Maximum resident set size (kB) of one direct run of the release benchmark executable on
    the uncertainty workload alone (the runner's debug mode: no host process; the harness, the
    CSV reading and every iteration included), as GNU time reports it; None if not measurable."""
    return swift_peak_memory("uncertainty")
# --- end uncertainty


def peak_memory(command, environment=None):
    """Maximum resident set size (kB) of `command` as GNU time (/usr/bin/time -v) reports it;
    None when it cannot be measured or the command fails."""
    if not os.path.exists("/usr/bin/time") or not os.path.exists(command[0]):
        return None
    completed = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=PACKAGE, env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        return None
    for line in completed.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return None


def swift_peak_memory(workload):
    """Peak memory (kB) of the release benchmark executable run directly on one workload."""
    return peak_memory([os.path.join(PACKAGE, SCRATCH, "release", TARGET), "--filter", SWIFT_NAMES[workload]])


def timed(function, repetitions):
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def numpy_side(arguments):
    import numpy as np

    results = {"numpy": np.__version__}
    if wanted(arguments, "quartiles"):
        x = standard_normal(np, QUARTILES_COUNT, QUARTILES_SEED)
        np.percentile(x, [25, 50, 75])  # warm-up, as the Swift side's warm-up iteration
        times = timed(lambda: np.percentile(x, [25, 50, 75]), arguments.repetitions)
        results["quartiles"] = {"times": times}
        del x
    if wanted(arguments, "boxplot"):
        matrix = standard_normal(np, BOXPLOT_VECTORS * BOXPLOT_LENGTH, BOXPLOT_SEED).reshape(
            BOXPLOT_VECTORS, BOXPLOT_LENGTH)
        boxplot_vectorised(np, matrix[:1000])
        times = timed(lambda: boxplot_vectorised(np, matrix), max(3, arguments.repetitions // 3))
        results["boxplot-vectorised"] = {"times": times, "outliers": boxplot_vectorised(np, matrix)[0]}
        rows = min(arguments.loop_rows, BOXPLOT_VECTORS)
        subset = matrix[:rows]
        boxplot_loop(np, subset[:100])
        times = timed(lambda: boxplot_loop(np, subset), 3 if rows < BOXPLOT_VECTORS else 1)
        scale = BOXPLOT_VECTORS / rows
        results["boxplot-loop"] = {"times": [t * scale for t in times], "rows": rows}
    if wanted(arguments, "pipeline"):
        results["pipeline"] = pipeline_numpy_side(np, arguments.repetitions)
    if arguments.only == {"sobol"}:  # Sobol' block: only in its own child (SALib's Python)
        results["sobol"] = sobol_peer(np)
    tipping_side(np, arguments, results)  # weight tipping points
    pdist_side(np, arguments, results)  # --- pdist
    ward_side(np, arguments, results)  # --- ward
    if wanted(arguments, "uncertainty"):  # --- uncertainty
        x = ris2023(np)
        uncertainty_numpy(np, x, 20_000)  # warm-up
        repetitions = max(1, min(3, arguments.repetitions // 5))
        times = timed(lambda: uncertainty_numpy(np, x, UNCERTAINTY_SAMPLES), repetitions)
        results["uncertainty"] = {"times": times, "regions": int(x.shape[0]), "indicators": int(x.shape[1])}
        uncertainty_numpy_textbook(np, x, 20_000)  # warm-up
        results["uncertainty-textbook"] = {"times": timed(lambda: uncertainty_numpy_textbook(np, x, UNCERTAINTY_SAMPLES), 1)}
    json.dump(results, sys.stdout)


# ---------------------------------------------------------------------------------------------
# Sobol' block (`--only sobol`): SALib on the RIS 2023 weights, as SobolBenchmark.swift.
# The peer needs SALib: `python3 -m venv --system-site-packages .venv && .venv/bin/pip install SALib`;
# the peer then runs with .venv/bin/python (when it exists), everything else with this Python.

SOBOL_SAMPLES, SOBOL_SEED, SOBOL_RESAMPLES = 2 ** 14, 1, 1000
SOBOL_CHUNK = 16384  # model rows evaluated at once (bounds the scores matrix at 16384 x 246)


def sobol_python():
    venv = os.path.join(PACKAGE, ".venv", "bin", "python")
    return venv if os.path.exists(venv) else sys.executable


def ris2023_matrix(np):
    """RIS 2023 as Benchmarks/StatsBenchmarks/RIS2023.swift reads it: the rows with Year 2023 and
    the 21 indicator columns 1.1.2 ... 4.3.2 of $RIS2023_REGIONS_CSV or ../shared/data/ris."""
    import csv
    path = os.environ.get("RIS2023_REGIONS_CSV",
                          os.path.join(os.path.dirname(PACKAGE), "shared", "data", "ris", "ris2023_regions.csv"))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    first, last = header.index("1.1.2"), header.index("4.3.2")
    year = header.index("Year")
    matrix = np.array([[float(cell) for cell in row[first:last + 1]] for row in rows if row[year] == "2023"])
    return header[first:last + 1], matrix


def sobol_peer(np):
    """SALib 1.x: sobol.sample (scrambled Sobol', calc_second_order=False), a vectorised numpy model
    (scores = W @ X.T / sum W, ranks 1 = best with ties 'min' by scipy.stats.rankdata, mean absolute
    shift against the equal-weight ranks), sobol.analyze with 1000 resamples. Times each step."""
    import warnings
    from scipy.stats import rankdata
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample
    import SALib

    names, x = ris2023_matrix(np)
    k = len(names)
    problem = {"num_vars": k, "names": names, "bounds": [[0.75 / k, 1.25 / k]] * k}
    nominal = rankdata(-x.mean(axis=1), method="min")

    def model(weights):
        out = np.empty(len(weights))
        for start in range(0, len(weights), SOBOL_CHUNK):
            w = weights[start:start + SOBOL_CHUNK]
            scores = (w @ x.T) / w.sum(axis=1, keepdims=True)
            ranks = rankdata(-scores, method="min", axis=1)
            out[start:start + SOBOL_CHUNK] = np.abs(ranks - nominal).mean(axis=1)
        return out

    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        samples = sobol_sample.sample(problem, SOBOL_SAMPLES, calc_second_order=False, seed=SOBOL_SEED)
    sampled = time.perf_counter()
    y = model(samples)
    evaluated = time.perf_counter()
    indices = sobol_analyze.analyze(problem, y, calc_second_order=False, num_resamples=SOBOL_RESAMPLES,
                                    seed=SOBOL_SEED)
    analysed = time.perf_counter()
    return {
        "times": [(analysed - start) * 1e3],
        "steps": {"sample": (sampled - start) * 1e3, "evaluate": (evaluated - sampled) * 1e3,
                  "analyze": (analysed - evaluated) * 1e3},
        "salib": getattr(SALib, "__version__", None) or _distribution_version("SALib"),
        "names": names, "evaluations": int(len(y)), "variance": float(np.var(np.r_[y[0::k + 2], y[k + 1::k + 2]])),
        "S1": indices["S1"].tolist(), "ST": indices["ST"].tolist(),
        "S1_conf": indices["S1_conf"].tolist(), "ST_conf": indices["ST_conf"].tolist(),
    }


def _distribution_version(name):
    from importlib.metadata import version
    return version(name)


def sobol_report(swift_indices, peer):
    """The indices of both sides next to each other (they differ by sampling: other scrambles)."""
    print()
    print(f"Sobol' indices, mean absolute rank shift of 246 regions (SALib {peer['salib']}; "
          f"Swift {swift_indices.get('evaluations', '?')} and SALib {peer['evaluations']} evaluations; "
          f"SALib steps ms: " + ", ".join(f"{k} {v:.0f}" for k, v in peer["steps"].items()) + ")")
    print(f"{'input':8} {'S1 swift':>14} {'S1 SALib':>14} {'ST swift':>14} {'ST SALib':>14}")
    for i, name in enumerate(peer["names"]):
        def cell(result, key):
            if key not in result:
                return "-".rjust(14)
            return f"{result[key][i]:7.4f}±{result[key + '_conf'][i]:.4f}"
        print(f"{name:8} {cell(swift_indices, 'S1')} {cell(peer, 'S1')} {cell(swift_indices, 'ST')} {cell(peer, 'ST')}")

# End of the Sobol' block.


# ---------------------------------------------------------------------------------------------
# Swift side and the table

def swift_side(arguments, export_directory):
    command = [
        "swift", "package", "--scratch-path", SCRATCH,
        "--allow-writing-to-directory", export_directory,
        "benchmark", "run", "--target", TARGET,
        "--format", "histogramSamples", "--path", export_directory, "--no-progress",
    ]
    for name in sorted((arguments.only or set()) & set(SWIFT_NAMES)):
        command += ["--filter", SWIFT_NAMES[name]]
    print("$ " + shlex.join(command), flush=True)
    completed = subprocess.run(command, cwd=PACKAGE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if completed.returncode != 0:
        sys.stdout.write(completed.stdout)
        sys.exit(f"swift package benchmark failed with exit code {completed.returncode}")
    if arguments.verbose:
        sys.stdout.write(completed.stdout)
    results = {}
    for key, name in SWIFT_NAMES.items():
        pattern = os.path.join(export_directory, f"*.{TARGET}.{name.replace(' ', '_')}.wallClock.histogram.samples.tsv")
        files = glob.glob(pattern)
        if not files:
            continue
        with open(files[0], encoding="utf-8") as handle:
            header, *lines = handle.read().split("\n")
        unit = header[header.rfind("(") + 1:header.rfind(")")]
        to_ms = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}[unit]
        results[key] = [int(line) * to_ms for line in lines if line.strip()]
    return results


def numpy_environment():
    environment = dict(os.environ)
    removed = {name: environment.pop(name) for name in OPENBLAS_VARIABLES if name in environment}
    return environment, removed


def workloads(text):
    """`--only a,b`: the set of workloads named, each one of SWIFT_NAMES or PROCESS_WORKLOADS."""
    names = {name.strip() for name in text.split(",") if name.strip()}
    known = set(SWIFT_NAMES) | PROCESS_WORKLOADS
    unknown = names - known
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown workload {', '.join(sorted(unknown)) or '(none)'}; choose among {', '.join(sorted(known))}")
    return names


def wanted(arguments, name):
    """Whether the run includes `name` (every workload without --only)."""
    return arguments.only is None or name in arguments.only


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", type=workloads, help="run these workloads (comma-separated): " + ", ".join(sorted(SWIFT_NAMES)))
    parser.add_argument("--repetitions", type=int, default=15, help="numpy repetitions (default 15)")
    parser.add_argument("--loop-rows", type=int, default=50_000,
                        help="rows timed for the numpy loop, scaled to 1M (default 50000)")
    parser.add_argument("--verbose", action="store_true", help="show the swift package output")
    parser.add_argument("--numpy-side", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.numpy_side:
        numpy_side(arguments)
        return

    print("command: " + shlex.join([sys.executable] + sys.argv))
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
          + ("  (busy: ratios are less reliable)" if load[0] > 0.5 else ""))
    benchmarks_wanted = arguments.only is None or bool(arguments.only & set(SWIFT_NAMES))
    swift, swift_sobol = {}, {}
    with tempfile.TemporaryDirectory(prefix="stats-benchmarks-") as export_directory:
        sobol_export = os.path.join(export_directory, "sobol.json")  # Sobol' block
        os.environ["SOBOL_BENCHMARK_OUTPUT"] = sobol_export
        if benchmarks_wanted:
            swift = swift_side(arguments, export_directory)
        swift_sobol = json.load(open(sobol_export)) if os.path.exists(sobol_export) else {}
    panel = panel_side(arguments) if wanted(arguments, "panel") else None  # --- panel
    notebook = notebook_side() if wanted(arguments, "notebook") else None  # --- notebook

    environment, removed = numpy_environment()
    child = [sys.executable, os.path.abspath(__file__), "--numpy-side",
             "--repetitions", str(arguments.repetitions), "--loop-rows", str(arguments.loop_rows)]
    if arguments.only:
        child += ["--only", ",".join(sorted(arguments.only))]
    print("numpy side: " + " ".join(f"unset {name}" for name in OPENBLAS_VARIABLES)
          + (f" (were set: {', '.join(f'{k}={v}' for k, v in removed.items())})" if removed else " (neither was set)"),
          flush=True)
    peer = {"numpy": "not run"}
    if benchmarks_wanted and arguments.only != {"sobol"}:
        completed = subprocess.run(child, env=environment, stdout=subprocess.PIPE, text=True, check=True)
        peer = json.loads(completed.stdout)
    if wanted(arguments, "sobol") and benchmarks_wanted:  # Sobol' block: SALib's child, with .venv/bin/python if present
        sobol_child = [sobol_python()] + child[1:] + ["--only", "sobol"]
        print("SALib side: " + sobol_child[0], flush=True)
        completed = subprocess.run(sobol_child, env=environment, stdout=subprocess.PIPE, text=True)
        if completed.returncode == 0:
            peer.update({key: value for key, value in json.loads(completed.stdout).items() if key == "sobol"})
            peer.setdefault("numpy", json.loads(completed.stdout)["numpy"])
        else:
            print("SALib side failed (is SALib installed? python3 -m venv --system-site-packages .venv && "
                  ".venv/bin/pip install SALib); the Sobol' row is left out", flush=True)
            peer.setdefault("numpy", "?")

    rows = []
    if "quartiles" in swift and "quartiles" in peer:
        rows.append(("Quartiles (type 7) of 10M doubles", "np.percentile(x, [25, 50, 75])",
                     swift["quartiles"], peer["quartiles"]["times"]))
    if "boxplot" in swift and "boxplot-loop" in peer:
        loop_rows = peer["boxplot-loop"]["rows"]
        loop_note = "" if loop_rows == BOXPLOT_VECTORS else f", timed on {loop_rows:,} rows x {BOXPLOT_VECTORS // loop_rows}"
        rows.append(("Boxplot statistics of 1M x 26", f"numpy loop over rows{loop_note}",
                     swift["boxplot"], peer["boxplot-loop"]["times"]))
        rows.append(("Boxplot statistics of 1M x 26", "numpy vectorised (axis=1)",
                     swift["boxplot"], peer["boxplot-vectorised"]["times"]))
    rows += pipeline_rows(swift, peer)
    if "sobol" in swift and "sobol" in peer:  # Sobol' block
        rows.append(("Sobol' N=2^14, 21 RIS weights, rank shift", "SALib sample+numpy model+analyze",
                     swift["sobol"], peer["sobol"]["times"]))

    rows += tipping_rows(swift, peer)  # weight tipping points
    rows += pdist_rows(swift, peer)  # --- pdist
    rows += ward_rows(swift, peer)  # --- ward
    if panel:  # --- panel
        rows.append(("RIS 2023 benchmark panel as SVG (246 x 21, one region)", f"matplotlib {panel['matplotlib']} (whole process)",
                     panel["swift"], panel["peer"]))
    if notebook:  # --- notebook
        rows.append(("Render the tour notebook to HTML (cold process)", f"jupyter nbconvert --execute --to html ({notebook['nbconvert']})",
                     notebook["swift"], notebook["peer"]))
    if "uncertainty" in swift and "uncertainty" in peer:  # --- uncertainty
        shape = f"{peer['uncertainty']['regions']} x {peer['uncertainty']['indicators']}"
        rows.append((f"Uncertainty of RIS 2023 ranks ({shape}, 1M samples)", "numpy vectorised (10k blocks)",
                     swift["uncertainty"], peer["uncertainty"]["times"]))
        rows.append((f"Uncertainty of RIS 2023 ranks ({shape}, 1M samples)", "numpy argsort twice + np.percentile",
                     swift["uncertainty"], peer["uncertainty-textbook"]["times"]))

    print()
    print(f"numpy {peer['numpy']}, Python {sys.version.split()[0]}; n = iterations (Swift) or repetitions (numpy)")
    header = ("workload", "peer", "swift median ms", "n", "peer median ms", "n", "ratio peer/swift")
    table = [header] + [
        (workload, peer_name, f"{statistics.median(s):.1f}", str(len(s)), f"{statistics.median(p):.1f}",
         str(len(p)), f"{statistics.median(p) / statistics.median(s):.2f}")
        for workload, peer_name, s, p in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for index, row in enumerate(table):
        print("  ".join(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("ratio > 1: Swift is faster. Swift: ordo-one/benchmark wall clock of the release build; "
          "numpy: time.perf_counter around the call. Quartiles, boxplots and tipping points run on one "
          "thread on both sides; Swift's pipeline, uncertainty, Sobol' and pairwise distances use every core (Ward from 4096 clusters on), numpy's, scipy's and SALib's Python one.")
    if "sobol" in peer:  # Sobol' block
        print("Sobol': one run each (total = sample + evaluate + analyze); the Swift engine uses all cores "
              "(model batches and bootstrap), SALib runs single-threaded (numpy's BLAS may use threads).")
        sobol_report(swift_sobol, peer["sobol"])
    if panel:  # --- panel
        print(f"panel: both sides are whole processes started {PANEL_REPETITIONS} times each, alternating: "
              f"`stresstest eval` (release build) reads RIS 2023, benchmarks {PANEL_REGION} and saves the panel "
              f"({panel['rows']} boxes) as SVG; {panel['python']} reads the same CSV, computes the same composites "
              "and draws the same boxes with boxplot(orientation=\"horizontal\") and the region's points, savefig(.svg).")
    if notebook:  # --- notebook
        print(f"notebook: both sides are whole processes started {NOTEBOOK_REPETITIONS} times each, alternating: "
              "`stresstest render Data/notebooks/tour.md` (release build; 2,000 uncertainty samples, Sobol' N = 256) "
              "against `jupyter nbconvert --execute --to html Benchmarks/tour.ipynb`, the same analyses in "
              "numpy, scipy, SALib and matplotlib.")
    if "uncertainty" in swift and "uncertainty" in peer:  # --- uncertainty
        s_ms, p_ms = statistics.median(swift["uncertainty"]), statistics.median(peer["uncertainty"]["times"])
        print(f"uncertainty: Swift {s_ms / 1e3:.2f} s, numpy {p_ms / 1e3:.2f} s, ratio numpy/Swift {p_ms / s_ms:.1f} "
              "(Swift uses every core: the ratio is not single-threaded)")
        peak = uncertainty_peak_memory()
        print("uncertainty: Swift peak memory " + (f"{peak / 1024:.1f} MB" if peak else "not measured")
              + " (maximum resident set size of the whole benchmark process, /usr/bin/time -v)")


# ---------------------------------------------------------------------------------------------
# Composite-indicator pipeline (Benchmarks/StatsBenchmarks/PipelineBenchmarks.swift): COINr's
# Impute (group mean), Treat (winsorise, then log_CT) and Normalise (min-max 0..100, directions)
# on 2 000 units x 500 indicators, the same data as PipelineBenchmarkData.

PIPELINE_UNITS, PIPELINE_INDICATORS, PIPELINE_SEED, PIPELINE_MISSING_SEED = 2_000, 500, 3, 4


def pipeline_input(np):
    """Column-major (indicators, units): exp(s_j z), s_j = 0.25 + (j mod 4) / 3, missing where a
    second normal draw exceeds 1.645; two alternating groups; every third indicator negative."""
    shape = (PIPELINE_INDICATORS, PIPELINE_UNITS)
    z = standard_normal(np, PIPELINE_UNITS * PIPELINE_INDICATORS, PIPELINE_SEED).reshape(shape)
    m = standard_normal(np, PIPELINE_UNITS * PIPELINE_INDICATORS, PIPELINE_MISSING_SEED).reshape(shape)
    spread = 0.25 + (np.arange(PIPELINE_INDICATORS) % 4) / 3
    x = np.exp(spread[:, None] * z)
    x[m > 1.645] = np.nan
    groups = np.arange(PIPELINE_UNITS) % 2
    directions = np.where(np.arange(PIPELINE_INDICATORS) % 3 == 0, -1.0, 1.0)
    return x, groups, directions


def skew_kurt(np, v):
    """Excel SKEW and KURT of values without NaN (COINr skew/kurt)."""
    n = v.size
    d = v - v.mean()
    z = d / np.sqrt(d @ d / (n - 1))
    z2 = z * z
    skew = n / ((n - 1) * (n - 2)) * np.sum(z2 * z)
    kurt = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * np.sum(z2 * z2) - 3 * (n - 1) ** 2 / ((n - 2) * (n - 3))
    return skew, kurt


def treat_column(np, x):
    """COINr's default treatment of one column; returns (treated, outcome) with outcome one of
    "pass", "winsorised", "log"."""
    observed = ~np.isnan(x)
    v = x[observed]
    skew, kurt = skew_kurt(np, v)
    fails = abs(skew) >= 2 and kurt >= 3.5
    if not fails:
        return x, "pass"
    w = v.copy()
    last_high = last_low = 0
    while fails and last_high + last_low < 5:
        if skew >= 0:
            at = w == w.max()
            w[at] = w[~at].max()
            last_high = int(at.sum())
        else:
            at = w == w.min()
            w[at] = w[~at].min()
            last_low = int(at.sum())
        skew, kurt = skew_kurt(np, w)
        fails = abs(skew) >= 2 and kurt >= 3.5
    out = x.copy()
    if not fails:
        out[observed] = w
        return out, "winsorised"
    out[observed] = np.log(v - v.min() + 0.01 * (v.max() - v.min()))
    return out, "log"


def pipeline_numpy(np, x, groups, directions):
    imputed = x.copy()
    for group in np.unique(groups):
        members = groups == group
        block = imputed[:, members]
        means = np.nanmean(block, axis=1)
        imputed[:, members] = np.where(np.isnan(block), means[:, None], block)
    outcomes = []
    treated = np.empty_like(imputed)
    for j in range(imputed.shape[0]):
        treated[j], outcome = treat_column(np, imputed[j])
        outcomes.append(outcome)
    y = treated * directions[:, None]
    low, high = np.nanmin(y, axis=1), np.nanmax(y, axis=1)
    return (y - low[:, None]) / (high - low)[:, None] * 100, outcomes


def pipeline_numpy_side(np, repetitions):
    x, groups, directions = pipeline_input(np)
    _, outcomes = pipeline_numpy(np, x, groups, directions)
    times = timed(lambda: pipeline_numpy(np, x, groups, directions), repetitions)
    return {"times": times, "winsorised": outcomes.count("winsorised"), "log": outcomes.count("log")}


def pipeline_rows(swift, peer):
    if "pipeline" not in swift or "pipeline" not in peer:
        return []
    result = peer["pipeline"]
    print(f"pipeline (numpy): {result['winsorised']} indicators winsorised, {result['log']} log-transformed "
          f"of {PIPELINE_INDICATORS}; the Swift side uses all cores (column blocks), numpy one")
    return [("Pipeline impute-treat-normalise of 2000 x 500", "numpy (vectorised impute/min-max, loop to treat)",
             swift["pipeline"], result["times"])]


# ---------------------------------------------------------------------------------------------
# --- ward (Benchmarks/StatsBenchmarks/WardBenchmarks.swift): Ward clustering of 10,000 x 21
# standard normal rows (SplitMix64 seed 6, Box-Muller) from the data, against scipy's
# linkage(X, method="ward") (pdist + nn_chain on the 50M condensed distances). Both medians, the
# ratio, and the peak memory of each side, each measured in its own child process by GNU time.

WARD_ROWS, WARD_COLUMNS, WARD_SEED, WARD_REPETITIONS = 10_000, 21, 6, 3
SWIFT_NAMES["ward"] = "Ward of 10000 x 21"


def ward_data(np):
    return standard_normal(np, WARD_ROWS * WARD_COLUMNS, WARD_SEED).reshape(WARD_ROWS, WARD_COLUMNS)


def ward_side(np, arguments, results):
    """The scipy peer, timed in the numpy child (no warm-up: one call takes seconds)."""
    if not wanted(arguments, "ward"):
        return
    from scipy.cluster.hierarchy import linkage
    import scipy
    x = ward_data(np)
    z = []
    times = timed(lambda: z.append(linkage(x, method="ward")), WARD_REPETITIONS)
    results["ward"] = {"times": times, "scipy": scipy.__version__, "top": float(z[-1][-1, 2])}


WARD_PEER_ONCE = """
import sys
sys.path.insert(0, {folder!r})
import numpy as np
import compare
from scipy.cluster.hierarchy import linkage
linkage(compare.ward_data(np), method="ward")
"""


def ward_rows(swift, peer):
    """The table row, and the medians, ratio and peak memory of both sides printed below it."""
    if "ward" not in swift or "ward" not in peer:
        return []
    s_ms, p_ms = statistics.median(swift["ward"]), statistics.median(peer["ward"]["times"])
    swift_peak = swift_peak_memory("ward")
    environment, _ = numpy_environment()
    folder = os.path.dirname(os.path.abspath(__file__))
    peer_peak = peak_memory([sys.executable, "-c", WARD_PEER_ONCE.format(folder=folder)], environment)
    megabytes = lambda kb: f"{kb / 1024:.0f} MB" if kb else "not measured"
    print(f"ward: Swift {s_ms / 1e3:.2f} s, scipy {peer['ward']['scipy']} {p_ms / 1e3:.2f} s, "
          f"ratio scipy/Swift {p_ms / s_ms:.2f}; peak memory Swift {megabytes(swift_peak)} (the benchmark "
          f"executable, every iteration), scipy {megabytes(peer_peak)} (one linkage in a fresh Python)")
    return [(f"Ward of {WARD_ROWS:,} x {WARD_COLUMNS} from the data", 'scipy linkage(X, method="ward")',
             swift["ward"], peer["ward"]["times"])]
# --- end ward


# ---------------------------------------------------------------------------------------------
# --- panel: the StressTest benchmark panel of RIS 2023 (246 regions, 21 indicators in 12
# dimensions, one region highlighted) written as SVG by one `stresstest eval` process, against a
# Python process drawing the same boxes with matplotlib (boxplot(orientation="horizontal") plus the
# region's values as points, savefig as SVG). Whole processes on both sides, started alternately.

PROCESS_WORKLOADS = {"panel", "notebook"}
PANEL_REPETITIONS, PANEL_REGION = 15, "AT1"

PANEL_MATPLOTLIB = r"""
import csv, sys
import numpy as np
import matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
regions_path, indicators_path, region, out = sys.argv[1:5]
with open(indicators_path, encoding="utf-8-sig", newline="") as handle:
    indicators = list(csv.DictReader(handle))
with open(regions_path, encoding="utf-8-sig", newline="") as handle:
    rows = [row for row in csv.DictReader(handle) if row["Year"] == "2023"]
def number(cell):
    return float(cell) if cell.strip() else np.nan
values = np.array([[number(row[i["Code"]]) for i in indicators] for row in rows])
labels, data, marks = [], [], []
me = [row["Region"] for row in rows].index(region)
dimensions = list(dict.fromkeys(i["Dimension"] for i in indicators))
for dimension in dimensions:
    columns = [j for j, i in enumerate(indicators) if i["Dimension"] == dimension]
    composite = np.nanmean(values[:, columns], axis=1)
    series = [(dimension + " composite", composite)] + [(indicators[j]["Code"] + " " + indicators[j]["Name"], values[:, j]) for j in columns]
    for label, column in series:
        labels.append(label)
        data.append(column[~np.isnan(column)])
        marks.append(column[me])
figure, axes = plt.subplots(figsize=(7.2, 0.22 * len(labels) + 1.5))
positions = np.arange(1, len(labels) + 1)
axes.boxplot(data, orientation="horizontal", whis=1.5, tick_labels=labels, positions=positions)
axes.scatter(marks, positions, marker="D", color="#d55e00", zorder=3, label=region)
axes.invert_yaxis()
axes.set_title(region + " benchmarked against " + str(len(rows)) + " regions (2023)")
axes.legend()
figure.tight_layout()
figure.savefig(out, format="svg")
"""


def panel_side(arguments):
    """Builds the release `stresstest`, then times both processes alternately; medians in ms."""
    data = os.environ.get("STRESSTEST_FIXTURES", os.path.join(os.path.dirname(PACKAGE), "shared", "data"))
    regions, indicators = os.path.join(data, "ris", "ris2023_regions.csv"), os.path.join(data, "ris", "ris2023_indicators.csv")
    build = ["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "stresstest"]
    print("$ " + shlex.join(build), flush=True)
    subprocess.run(build, cwd=PACKAGE, check=True, stdout=subprocess.DEVNULL)
    stresstest = os.path.join(PACKAGE, SCRATCH, "release", "stresstest")
    python = sobol_python()
    environment, _ = numpy_environment()
    version = subprocess.run([python, "-c", "import matplotlib; print(matplotlib.__version__)"], env=environment,
                             stdout=subprocess.PIPE, text=True)
    if version.returncode != 0:
        print("panel: matplotlib is missing (python3 -m venv .venv && .venv/bin/pip install matplotlib); left out")
        return None
    with tempfile.TemporaryDirectory(prefix="panel-") as folder:
        svg_swift, svg_peer = os.path.join(folder, "swift.svg"), os.path.join(folder, "matplotlib.svg")
        code = (f"p = portfolio({json.dumps(regions)}, framework: {json.dumps(indicators)})\n"
                f"save(plot(benchmark(p, {json.dumps(PANEL_REGION)})), {json.dumps(svg_swift)}, replace: true)")
        swift_command = [stresstest, "eval", code]
        peer_command = [python, "-c", PANEL_MATPLOTLIB, regions, indicators, PANEL_REGION, svg_peer]
        print("$ " + shlex.join(swift_command), flush=True)
        print("$ " + shlex.join(peer_command[:2]) + " ... " + shlex.join(peer_command[3:]), flush=True)

        def once(command, env=None):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
            return (time.perf_counter() - start) * 1e3

        once(swift_command), once(peer_command, environment)  # warm the file cache
        swift_times, peer_times = [], []
        for _ in range(PANEL_REPETITIONS):
            swift_times.append(once(swift_command))
            peer_times.append(once(peer_command, environment))
        with open(svg_swift, encoding="utf-8") as handle:
            boxes = handle.read().count('class="box"')
    return {"swift": swift_times, "peer": peer_times, "matplotlib": version.stdout.strip(), "rows": boxes,
            "python": "Python " + subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                                                 stdout=subprocess.PIPE, text=True).stdout.strip()}
# --- end panel


# ---------------------------------------------------------------------------------------------
# --- notebook: rendering the tour notebook (Data/notebooks/tour.md) to HTML from a cold process,
# against `jupyter nbconvert --execute --to html` of the equivalent Benchmarks/tour.ipynb (numpy,
# scipy, SALib and matplotlib, run by an IPython kernel). Whole processes, started alternately.

NOTEBOOK_REPETITIONS = 5


def notebook_side():
    """Builds the release `stresstest`, then times both renders alternately; medians in ms."""
    build = ["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "stresstest"]
    print("$ " + shlex.join(build), flush=True)
    subprocess.run(build, cwd=PACKAGE, check=True, stdout=subprocess.DEVNULL)
    stresstest = os.path.join(PACKAGE, SCRATCH, "release", "stresstest")
    jupyter = os.path.join(PACKAGE, ".venv", "bin", "jupyter")
    environment, _ = numpy_environment()
    version = subprocess.run([jupyter, "nbconvert", "--version"], env=environment, stdout=subprocess.PIPE, text=True) \
        if os.path.exists(jupyter) else None
    if version is None or version.returncode != 0:
        print("notebook: jupyter is missing (python3 -m venv .venv && .venv/bin/pip install nbconvert ipykernel "
              "numpy scipy SALib matplotlib); left out")
        return None
    with tempfile.TemporaryDirectory(prefix="notebook-") as folder:
        swift_command = [stresstest, "render", os.path.join(PACKAGE, "Data", "notebooks", "tour.md"),
                         "-o", os.path.join(folder, "tour.html")]
        peer_command = [jupyter, "nbconvert", "--execute", "--to", "html", "--log-level", "ERROR",
                        os.path.join(PACKAGE, "Benchmarks", "tour.ipynb"), "--output-dir", folder, "--output", "jupyter"]
        print("$ " + shlex.join(swift_command), flush=True)
        print("$ " + shlex.join(peer_command), flush=True)

        def once(command, env=None, cwd=None):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
            return (time.perf_counter() - start) * 1e3

        benchmarks = os.path.join(PACKAGE, "Benchmarks")
        once(swift_command), once(peer_command, environment, benchmarks)  # warm the file cache
        swift_times, peer_times = [], []
        for _ in range(NOTEBOOK_REPETITIONS):
            swift_times.append(once(swift_command))
            peer_times.append(once(peer_command, environment, benchmarks))
    return {"swift": swift_times, "peer": peer_times, "nbconvert": "nbconvert " + version.stdout.strip()}
# --- end notebook


if __name__ == "__main__":
    main()
