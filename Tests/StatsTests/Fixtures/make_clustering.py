#!/usr/bin/env python3
"""Generate clustering_reference.json, the reference values HierarchicalClusteringTests compares
Stats' hierarchical clustering against.

Run from anywhere:   python3 Tests/StatsTests/Fixtures/make_clustering.py
Needs numpy and scipy (generated with numpy 2.4 and scipy 1.17) and Rscript (R 4.2, base stats
only). Seeded, so deterministic.

Sections
- cases: random standard normal data (n x p, rounded to 6 decimals so the JSON is short and the
         numbers exact), and per method (ward, complete, average, single) scipy's
         linkage(pdist(X), method) as columns left/right/heights/sizes, and cophenet(Z, pdist(X))[0].
- r:     a few small cases through R's hclust(dist(X), method) (ward.D2 for ward): $merge, $order
         (1-based, as R gives them), $height, cutree(k = 1..n) and cutree(h =) at half the first height, between
         consecutive heights and at twice the last.
"""

import json
import os
import subprocess
import tempfile

import numpy as np
import scipy
from scipy.cluster.hierarchy import cophenet, linkage
from scipy.spatial.distance import pdist

SEED = 20251129
METHODS = ["ward", "complete", "average", "single"]
SHAPES = [(2, 1), (2, 21), (3, 1), (3, 4), (10, 4), (10, 21), (57, 1), (57, 4), (57, 21), (300, 4), (300, 21)]
R_SHAPES = [(7, 2), (12, 3), (25, 4)]
R_METHODS = {"ward": "ward.D2", "complete": "complete", "average": "average", "single": "single"}

rng = np.random.default_rng(SEED)
here = os.path.dirname(os.path.abspath(__file__))


def data(n, p):
    return np.round(rng.standard_normal((n, p)), 6)


def z_columns(z):
    return {"left": [int(v) for v in z[:, 0]], "right": [int(v) for v in z[:, 1]],
            "heights": [float(v) for v in z[:, 2]], "sizes": [int(v) for v in z[:, 3]]}


def scipy_case(x):
    y = pdist(x)
    out = {"n": int(x.shape[0]), "p": int(x.shape[1]), "x": [float(v) for v in x.ravel()], "methods": {}}
    for method in METHODS:
        z = linkage(y, method)
        entry = z_columns(z)
        entry["cophenetic"] = float(cophenet(z, y)[0]) if len(y) > 1 else None
        out["methods"][method] = entry
    return out


R_SCRIPT = r"""
args <- commandArgs(trailingOnly = TRUE)
x <- as.matrix(read.csv(args[1], header = FALSE))
for (m in c("ward.D2", "complete", "average", "single")) {
  h <- hclust(dist(x), method = m)
  n <- nrow(x)
  cat("method", m, "\n")
  cat("merge1", h$merge[, 1], "\n")
  cat("merge2", h$merge[, 2], "\n")
  cat("order", h$order, "\n")
  cat("height", sprintf("%.17g", h$height), "\n")
  for (k in 1:n) cat("cutk", k, cutree(h, k = k), "\n")
  cuts <- c(h$height[1] / 2, (h$height[-1] + h$height[-(n - 1)]) / 2, h$height[n - 1] * 2)
  for (hh in cuts) cat("cuth", sprintf("%.17g", hh), cutree(h, h = hh), "\n")
}
"""


def r_case(x):
    with tempfile.TemporaryDirectory() as folder:
        csv = os.path.join(folder, "x.csv")
        np.savetxt(csv, x, delimiter=",", fmt="%.6f")
        script = os.path.join(folder, "hclust.R")
        with open(script, "w") as handle:
            handle.write(R_SCRIPT)
        text = subprocess.run(["Rscript", script, csv], check=True, capture_output=True, text=True).stdout
    methods, current = {}, None
    names = {v: k for k, v in R_METHODS.items()}
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if words[0] == "method":
            current = {"merge1": [], "merge2": [], "cutk": [], "cuth": []}
            methods[names[words[1]]] = current
        elif words[0] in ("merge1", "merge2", "order"):
            current[words[0]] = [int(w) for w in words[1:]]
        elif words[0] == "height":
            current["height"] = [float(w) for w in words[1:]]
        elif words[0] == "cutk":
            current["cutk"].append({"k": int(words[1]), "clusters": [int(w) for w in words[2:]]})
        elif words[0] == "cuth":
            current["cuth"].append({"h": float(words[1]), "clusters": [int(w) for w in words[2:]]})
    return {"n": int(x.shape[0]), "p": int(x.shape[1]), "x": [float(v) for v in x.ravel()], "methods": methods}


def main():
    version = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], check=True, capture_output=True, text=True).stdout
    out = {"numpy": np.__version__, "scipy": scipy.__version__, "r": version, "seed": SEED,
           "cases": [scipy_case(data(n, p)) for n, p in SHAPES],
           "r_cases": [r_case(data(n, p)) for n, p in R_SHAPES]}
    with open(os.path.join(here, "clustering_reference.json"), "w") as handle:
        json.dump(out, handle, separators=(",", ":"))
        handle.write("\n")


if __name__ == "__main__":
    main()
