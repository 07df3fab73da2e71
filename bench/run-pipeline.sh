#!/usr/bin/env bash
# Whole-pipeline benchmark on generated 720p and 1080p H.264 clips (default 10 minutes), then DBSCAN on synthetic descriptors.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures="$(pwd)/tests/fixtures"
work="${1:-${TMPDIR:-/tmp}/facemesh-bench}"
minutes="${2:-10}"
dotnet build -c Release bench/FaceMesh.Bench -v quiet -nologo -clp:NoSummary >/dev/null
dotnet artifacts/bin/FaceMesh.Bench/release/FaceMesh.Bench.dll pipeline "$fixtures" "$work" "$minutes"
echo
dotnet artifacts/bin/FaceMesh.Bench/release/FaceMesh.Bench.dll dbscan 100000
