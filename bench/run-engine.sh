#!/usr/bin/env bash
# Engine benchmark, FaceMesh and the face-api.js reference side by side in one run on the same images.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures="$(pwd)/tests/fixtures"
iterations="${1:-10}"
(cd tests/reference && npm ci --no-audit --no-fund --silent)
dotnet build -c Release bench/FaceMesh.Bench -v quiet -nologo -clp:NoSummary >/dev/null
echo "## FaceMesh (ONNX Runtime)"
dotnet artifacts/bin/FaceMesh.Bench/release/FaceMesh.Bench.dll engine "$fixtures" "$iterations"
echo
echo "## Reference (face-api.js in Node)"
node bench/face-api-reference.js "$fixtures" "$iterations"
