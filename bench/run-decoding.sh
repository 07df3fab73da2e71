#!/usr/bin/env bash
# Sampling cost per decoding policy (every frame, skip non-reference frames, seek, both) on generated 720p H.264 clips
# with long and short GOPs, at 1, 2 and 5 s intervals. Needs ffmpeg (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-${TMPDIR:-/tmp}/facemesh-bench-decoding}"
seconds="${2:-60}"
dotnet build -c Release bench/FaceMesh.Bench -v quiet -nologo -clp:NoSummary >/dev/null
dotnet artifacts/bin/FaceMesh.Bench/release/FaceMesh.Bench.dll decoding "$work" "$seconds"
