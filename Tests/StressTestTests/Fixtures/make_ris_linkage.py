#!/usr/bin/env python3
"""Generate ris_linkage.json: scipy's hierarchical clustering of the RIS 2023 regions, which
ClusteringReferenceTests compares the Stats module against.

Run from anywhere:   python3 Tests/StressTestTests/Fixtures/make_ris_linkage.py
Reads ris/ris2023_regions.csv from $STRESSTEST_FIXTURES, else from ../shared/data beside the
package root. The matrix is Benchmarks/compare.py's ris2023_matrix: the rows with Year 2023 and
the 21 indicator columns 1.1.2 ... 4.3.2 (246 x 21, none missing). For each method (ward, complete,
average, single) the file holds scipy's linkage(pdist(X), method) as columns left/right/heights/sizes
and cophenet(Z, pdist(X))[0]. Needs numpy and scipy (generated with numpy 2.4, scipy 1.17).
"""

import csv
import json
import os

import numpy as np
import scipy
from scipy.cluster.hierarchy import cophenet, linkage
from scipy.spatial.distance import pdist

here = os.path.dirname(os.path.abspath(__file__))
package = os.path.dirname(os.path.dirname(os.path.dirname(here)))
root = os.environ.get("STRESSTEST_FIXTURES") or os.path.join(os.path.dirname(package), "shared", "data")
path = os.path.join(root, "ris", "ris2023_regions.csv")

with open(path, encoding="utf-8-sig", newline="") as handle:
    header, *rows = list(csv.reader(handle))
first, last, year = header.index("1.1.2"), header.index("4.3.2"), header.index("Year")
x = np.array([[float(cell) for cell in row[first:last + 1]] for row in rows if row[year] == "2023"])
y = pdist(x)

out = {"numpy": np.__version__, "scipy": scipy.__version__, "regions": int(x.shape[0]),
       "indicators": header[first:last + 1], "methods": {}}
for method in ("ward", "complete", "average", "single"):
    z = linkage(y, method)
    out["methods"][method] = {
        "left": [int(v) for v in z[:, 0]], "right": [int(v) for v in z[:, 1]],
        "heights": [float(v) for v in z[:, 2]], "sizes": [int(v) for v in z[:, 3]],
        "cophenetic": float(cophenet(z, y)[0]),
    }
with open(os.path.join(here, "ris_linkage.json"), "w") as handle:
    json.dump(out, handle, separators=(",", ":"))
    handle.write("\n")
