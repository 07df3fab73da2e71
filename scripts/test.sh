#!/usr/bin/env bash
# Runs every test; the first run provisions the face models (npm pack + conversion, a few seconds) and starts
# RabbitMQ and s3rver for the integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Real servers for the integration tests, on loopback: RabbitMQ and s3rver in MinIO's place.
tests/integration-servers/start.sh
# Test tools from Debian: kubectl renders the kustomization, Chromium runs the review page's browser tests
# (driven by Playwright for .NET; no browser is downloaded).
missing=()
kubectl kustomize --help >/dev/null 2>&1 || missing+=(kubectl)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "facemesh: the tests need ${missing[*]} (run: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
(cd tests/k8s-schemas && npm ci --no-audit --no-fund --silent)
results="$(mktemp -d)"
status=0
dotnet build FaceMesh.sln -c Release -v quiet -nologo -clp:NoSummary
# One test assembly at a time: the integration tests run real servers and services, and share two cores badly.
dotnet test FaceMesh.sln -c Release --no-build -m:1 --logger "trx" --results-directory "$results" "$@" || status=$?
passed=0; failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
rm -rf "$results"
echo "tests: $passed passed, $failed failed"
exit "$status"
