#!/usr/bin/env bash
# Writes a short 720p H.264 clip to try FaceMesh with when no footage is at hand: the fixture photos of
# tests/fixtures/people, three seconds each, person after person (about 40 s, five people). Needs ffmpeg.
# Usage: scripts/make-demo-footage.sh OUT.mp4
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 OUT.mp4" >&2; exit 2; }
command -v ffmpeg >/dev/null || { echo "make-demo-footage: ffmpeg is missing (apt-get install ffmpeg)" >&2; exit 1; }
people="$(cd "$(dirname "$0")/../tests/fixtures/people" && pwd)"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
last=""
while IFS= read -r photo; do
  printf "file '%s'\nduration 3\n" "$photo" >>"$list"
  last="$photo"
done < <(find "$people" -type f \( -name '*.jpg' -o -name '*.jpeg' \) | LC_ALL=C sort)
# The concat demuxer ignores the last entry's duration unless the file is named once more.
printf "file '%s'\n" "$last" >>"$list"
ffmpeg -v error -y -f concat -safe 0 -i "$list" \
  -vf 'scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2,format=yuv420p' -fps_mode cfr -r 10 \
  -c:v libx264 -preset veryfast -crf 23 "$1"
