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
    python3 Benchmarks/compare.py --only quartiles # or: boxplot
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
}

# --- uncertainty (Monte Carlo ranks; kept in step with Benchmarks/StatsBenchmarks/UncertaintyBenchmarks.swift)
UNCERTAINTY_SAMPLES, UNCERTAINTY_FRACTION, UNCERTAINTY_BLOCK = 1_000_000, 0.25, 10_000
UNCERTAINTY_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data",
                                "ris", "ris2023_regions.csv")
SWIFT_NAMES["uncertainty"] = "Uncertainty of RIS 2023 ranks, 1M samples"
# --- end uncertainty


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
    """The 21 indicator columns (1.1.2 ... 4.3.2, after RII) of the 2023 rows: 246 x 21."""
    import csv
    with open(UNCERTAINTY_DATA, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        year, first = header.index("Year"), header.index("1.1.2")
        rows = [[float(cell) for cell in row[first:]] for row in reader if row[year] == "2023"]
    return np.array(rows)


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


def uncertainty_peak_memory():
    """Maximum resident set size (kB) of one direct run of the release benchmark executable on
    the uncertainty workload alone (the runner's debug mode: no host process; the harness, the
    CSV reading and every iteration included), as GNU time reports it; None if not measurable."""
    executable = os.path.join(PACKAGE, SCRATCH, "release", TARGET)
    if not (os.path.exists("/usr/bin/time") and os.path.exists(executable)):
        return None
    completed = subprocess.run(["/usr/bin/time", "-v", executable, "--filter", SWIFT_NAMES["uncertainty"]],
                               cwd=PACKAGE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in completed.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return None
# --- end uncertainty


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
    if arguments.only in (None, "quartiles"):
        x = standard_normal(np, QUARTILES_COUNT, QUARTILES_SEED)
        np.percentile(x, [25, 50, 75])  # warm-up, as the Swift side's warm-up iteration
        times = timed(lambda: np.percentile(x, [25, 50, 75]), arguments.repetitions)
        results["quartiles"] = {"times": times}
        del x
    if arguments.only in (None, "boxplot"):
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
    if arguments.only in (None, "uncertainty"):  # --- uncertainty
        x = ris2023(np)
        uncertainty_numpy(np, x, 20_000)  # warm-up
        repetitions = max(1, min(3, arguments.repetitions // 5))
        times = timed(lambda: uncertainty_numpy(np, x, UNCERTAINTY_SAMPLES), repetitions)
        results["uncertainty"] = {"times": times, "regions": int(x.shape[0]), "indicators": int(x.shape[1])}
    json.dump(results, sys.stdout)


# ---------------------------------------------------------------------------------------------
# Swift side and the table

def swift_side(arguments, export_directory):
    command = [
        "swift", "package", "--scratch-path", SCRATCH,
        "--allow-writing-to-directory", export_directory,
        "benchmark", "run", "--target", TARGET,
        "--format", "histogramSamples", "--path", export_directory, "--no-progress",
    ]
    if arguments.only:
        command += ["--filter", SWIFT_NAMES[arguments.only]]
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(SWIFT_NAMES), help="run one workload")
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
    with tempfile.TemporaryDirectory(prefix="stats-benchmarks-") as export_directory:
        swift = swift_side(arguments, export_directory)

    environment, removed = numpy_environment()
    child = [sys.executable, os.path.abspath(__file__), "--numpy-side",
             "--repetitions", str(arguments.repetitions), "--loop-rows", str(arguments.loop_rows)]
    if arguments.only:
        child += ["--only", arguments.only]
    print("numpy side: " + " ".join(f"unset {name}" for name in OPENBLAS_VARIABLES)
          + (f" (were set: {', '.join(f'{k}={v}' for k, v in removed.items())})" if removed else " (neither was set)"),
          flush=True)
    completed = subprocess.run(child, env=environment, stdout=subprocess.PIPE, text=True, check=True)
    peer = json.loads(completed.stdout)

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

    if "uncertainty" in swift and "uncertainty" in peer:  # --- uncertainty
        shape = f"{peer['uncertainty']['regions']} x {peer['uncertainty']['indicators']}"
        rows.append((f"Uncertainty of RIS 2023 ranks ({shape}, 1M samples)", "numpy vectorised (10k blocks)",
                     swift["uncertainty"], peer["uncertainty"]["times"]))

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
          "numpy: time.perf_counter around the call; both single-threaded.")
    if "uncertainty" in swift:  # --- uncertainty
        s_ms, p_ms = statistics.median(swift["uncertainty"]), statistics.median(peer["uncertainty"]["times"])
        print(f"uncertainty: Swift {s_ms / 1e3:.2f} s, numpy {p_ms / 1e3:.2f} s, ratio numpy/Swift {p_ms / s_ms:.1f} "
              "(Swift uses every core: the ratio is not single-threaded)")
        peak = uncertainty_peak_memory()
        print("uncertainty: Swift peak memory " + (f"{peak / 1024:.1f} MB" if peak else "not measured")
              + " (maximum resident set size of the whole benchmark process, /usr/bin/time -v)")


if __name__ == "__main__":
    main()
