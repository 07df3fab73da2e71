#!/usr/bin/python3
"""Writes golden/dbscan.json: fixed data sets and the labels scikit-learn's DBSCAN gives them.

Run with Debian's python3-sklearn (`apt-get install python3-sklearn`): /usr/bin/python3 make-dbscan-golden.py
Never edit the output by hand. Data sets keep every pairwise distance at least 1e-4 away from eps, so float32
(FaceMesh) and float64 (scikit-learn) arithmetic cannot disagree about a neighbour.
"""
import json
import os
import sys

import numpy as np
import sklearn
from scipy.spatial.distance import pdist
from sklearn.cluster import DBSCAN


def safe(points, eps):
    return np.min(np.abs(pdist(points.astype(np.float64)) - eps)) > 1e-4


def blobs(rng, centers, per_center, spread, dim, noise_count, noise_scale):
    parts = [c + rng.normal(scale=spread, size=(per_center, dim)) for c in centers]
    parts.append(rng.uniform(-noise_scale, noise_scale, size=(noise_count, dim)))
    points = np.concatenate(parts)
    return points[rng.permutation(len(points))]


def touching_blobs(rng):
    # Two dense blobs whose fringes share border points: exercises "border goes to the first cluster that reaches it".
    centers = [np.array([0.0, 0.0]), np.array([1.15, 0.0]), np.array([0.55, 1.6])]
    return blobs(rng, centers, 60, 0.22, 2, 25, 2.5)


def faces(rng):
    # 128-d, like face descriptors: identities on a sphere of radius ~0.6, samples 0.15 around them, plus strangers.
    dim = 128
    centers = [c / np.linalg.norm(c) * 0.6 for c in rng.normal(size=(30, dim))]
    return blobs(rng, centers, 12, 0.15 / np.sqrt(dim) * np.sqrt(2), dim, 40, 0.08)


def chain(rng):
    # A line of points 0.9 apart with eps 1: every point is within eps of its neighbours only.
    xs = np.arange(40) * 0.9 + rng.uniform(-0.02, 0.02, size=40)
    return np.stack([xs, rng.uniform(-0.01, 0.01, size=40)], axis=1)


CASES = [
    ("touching_blobs", touching_blobs, 0.25, 5),
    ("touching_blobs_min_samples_1", touching_blobs, 0.25, 1),
    ("faces_128d", faces, 0.5, 3),
    ("faces_128d_tight", faces, 0.35, 4),
    ("chain_min_samples_3", chain, 1.0, 3),
    ("chain_min_samples_2", chain, 1.0, 2),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "dbscan.json")
    cases = []
    for name, make, eps, min_samples in CASES:
        for seed in range(100):
            points = make(np.random.RandomState(seed)).astype(np.float32)
            if safe(points, eps):
                break
        else:
            raise SystemExit(f"{name}: no seed keeps distances away from eps")
        labels = DBSCAN(eps=eps, min_samples=min_samples, metric="euclidean", algorithm="brute").fit_predict(points.astype(np.float64))
        cases.append({
            "name": name, "seed": seed, "eps": eps, "minSamples": min_samples,
            "clusters": int(labels.max() + 1), "noise": int((labels == -1).sum()),
            "points": [["@" + str(v) + "@" for v in p] for p in points],
            "labels": [int(v) for v in labels],
        })
        print(f"{name}: seed {seed}, {len(points)} points, {labels.max() + 1} clusters, {(labels == -1).sum()} noise", file=sys.stderr)
    # Points are written in float32's shortest round-trip form, so the file stays small and parses back exactly.
    text = json.dumps({"generator": "tests/reference/make-dbscan-golden.py", "sklearn": sklearn.__version__, "cases": cases}, separators=(",", ":"))
    with open(out, "w") as f:
        f.write(text.replace('"@', "").replace('@"', ""))
        f.write("\n")


if __name__ == "__main__":
    main()
