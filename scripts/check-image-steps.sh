#!/usr/bin/env bash
# Runs, outside Docker, every `RUN scripts/image-steps.sh ...` line of services/*/Dockerfile exactly as written (the
# Dockerfiles' WORKDIR is the repository root), then checks what an image would hold: each published service starts
# far enough to name its missing settings, and OpenCV's native library finds all it links against.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf out
trap 'rm -rf out' EXIT
mapfile -t steps < <(sed -n 's/^RUN \(scripts\/image-steps\.sh .*\)$/\1/p' services/*/Dockerfile | awk '!seen[$0]++')
((${#steps[@]} > 0)) || { echo "check-image-steps: no image steps found in services/*/Dockerfile" >&2; exit 1; }
for step in "${steps[@]}"; do
  echo "image step: $step" >&2
  bash -c "$step" >/dev/null
done

status=0
for dockerfile in services/*/Dockerfile; do
  entry=$(sed -n 's/^ENTRYPOINT \["\.\/\(.*\)"\]$/\1/p' "$dockerfile")
  binary="out/app/$entry"
  # Every service publishes into out/app; publish the one this Dockerfile names again to check it on its own.
  project=$(sed -n 's/^RUN scripts\/image-steps\.sh publish \([^ ]*\) out\/app$/\1/p' "$dockerfile")
  rm -rf out/app
  scripts/image-steps.sh publish "$project" out/app >/dev/null
  if ! message=$(timeout 60 "$binary" 2>&1 >/dev/null); [[ $message != *"missing settings"* ]]; then
    echo "check-image-steps: $binary did not start as expected: ${message:0:300}" >&2
    status=1
  fi
  if ldd out/app/libOpenCvSharpExtern.so | grep -q "not found"; then
    echo "check-image-steps: OpenCV native dependencies missing for $binary" >&2
    status=1
  fi
done
[[ -n $(ls out/models/*/checksums.json 2>/dev/null) ]] || { echo "check-image-steps: no models provisioned" >&2; status=1; }
((status == 0)) && echo "image steps: ok (${#steps[@]} steps from services/*/Dockerfile)" >&2
exit $status
