#!/usr/bin/env bash
# Review page costs on a dataset (default: the one bench/run-pipeline.sh writes): the page's state, actions and a
# split preview over HTTP, median of N rounds; then each `facemesh export` format. Works on a copy; the dataset is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset="${1:-${TMPDIR:-/tmp}/facemesh-bench/dataset}"
rounds="${2:-20}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$dataset" "$work/dataset"
dotnet build -c Release src/FaceMesh.Cli -v quiet -nologo -clp:NoSummary >/dev/null
cli=artifacts/bin/FaceMesh.Cli/release/facemesh.dll
dotnet "$cli" review "$work/dataset" > "$work/review.log" &
server=$!
until grep -q "http://" "$work/review.log" 2>/dev/null; do sleep 0.2; done
url=$(grep -o 'http://[^ ]*' "$work/review.log")
/usr/bin/python3 - "$url" "$rounds" <<'PY'
import json, statistics, sys, time, urllib.request
url, rounds = sys.argv[1], int(sys.argv[2])
def call(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        payload = response.read()
    return (time.perf_counter() - start) * 1000, payload
def median(label, run):
    call_times = [run()[0] for _ in range(rounds)]
    print(f"| {label} | {statistics.median(call_times):.1f} |")
_, payload = call("api/state")
state = json.loads(payload)
faces = len(state["faces"])
print(f"{faces} faces, {len(state['people'])} people, state {len(payload) / 1024:.0f} KiB, {rounds} rounds")
print("| request | median ms |\n|---|---|")
median("GET api/state", lambda: call("api/state"))
person = state["people"][0]["id"]
call("api/actions", {"action": "name", "person": person, "name": "warm-up"})
person = json.loads(call("api/state")[1])["people"][0]["id"]
counter = iter(range(10**6))
median("POST name (read edits, apply, write edits.json, answer the state)", lambda: call("api/actions", {"action": "name", "person": person, "name": f"n{next(counter)}"}))
face = state["people"][0]["faces"][0]
median("POST discard + POST restore of one face (two actions)", lambda: (call("api/actions", {"action": "discard", "faces": [face]})[0] + call("api/actions", {"action": "restore", "faces": [face]})[0], None))
median(f"POST split-preview of the largest person at eps {state['eps'] - 0.1:.2f}", lambda: call("api/split-preview", {"person": person, "eps": state["eps"] - 0.1}))
PY
echo
echo "| command | ms |"
echo "|---|---|"
for format in imagefolder yolo coco; do
  start=$(date +%s%N)
  dotnet "$cli" export "$work/dataset" --format "$format" -o "$work/$format" --include-unnamed >/dev/null
  echo "| facemesh export --format $format --include-unnamed (whole process) | $(( ($(date +%s%N) - start) / 1000000 )) |"
done
