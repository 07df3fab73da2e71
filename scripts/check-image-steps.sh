#!/usr/bin/env bash
# Runs, outside Docker, every `RUN scripts/image-steps.sh ...` line of services/*/Dockerfile exactly as written (the
# Dockerfiles' WORKDIR is the repository root), then checks what each image would hold: the published service starts
# far enough to name its missing settings, and OpenCV's native library finds all it links against.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf out
trap 'rm -rf out' EXIT
declare -A done=()
count=0
status=0
for dockerfile in services/*/Dockerfile; do
  rm -rf out/app
  mapfile -t steps < <(sed -n 's/^RUN \(scripts\/image-steps\.sh .*\)$/\1/p' "$dockerfile")
  ((${#steps[@]} > 0)) || { echo "check-image-steps: no image steps in $dockerfile" >&2; exit 1; }
  for step in "${steps[@]}"; do
    # A restore or models step shared by several Dockerfiles runs once; each publish runs for its own image.
    if [[ $step != *" publish "* && -n ${done[$step]:-} ]]; then continue; fi
    echo "image step ($dockerfile): $step" >&2
    bash -c "$step" >/dev/null
    done[$step]=1
    count=$((count + 1))
  done

  binary="out/app/$(sed -n 's/^ENTRYPOINT \["\.\/\(.*\)"\]$/\1/p' "$dockerfile")"
  if ! message=$(timeout 60 "$binary" 2>&1 >/dev/null); [[ $message != *"missing settings"* ]]; then
    echo "check-image-steps: $binary did not start as expected: ${message:0:300}" >&2
    status=1
  fi
  if grep -q "not found" < <(ldd out/app/libOpenCvSharpExtern.so); then
    echo "check-image-steps: OpenCV native dependencies missing for $binary" >&2
    status=1
  fi
done
[[ -n $(ls out/models/*/checksums.json 2>/dev/null) ]] || { echo "check-image-steps: no models provisioned" >&2; status=1; }
((status == 0)) && echo "image steps: ok ($count steps from services/*/Dockerfile)" >&2
exit $status
