#!/usr/bin/env bash
# Distributed benchmark: the four services as processes on this machine over RabbitMQ and s3rver
# (tests/integration-servers/start.sh), the generated 720p clip submitted with 1 and 2 encoder replicas,
# and facemesh run on the same clip in the same session for the overhead. The first configuration also runs a second
# job on the same services, warm by then (a long-running deployment's case); every job's CPU seconds per process follow.
# Usage: bench/run-distributed.sh [work folder] [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="${1:-${TMPDIR:-/tmp}/facemesh-bench}"
minutes="${2:-10}"
clip="$work/bench-${minutes}min-720p.mp4"
tests/integration-servers/start.sh >/dev/null
dotnet build -c Release FaceMesh.sln -v quiet -nologo -clp:NoSummary >/dev/null
[[ -f "$clip" ]] || dotnet artifacts/bin/FaceMesh.Bench/release/FaceMesh.Bench.dll clip "$(pwd)/tests/fixtures" "$work" "$minutes" >/dev/null
# FACEMESH_BENCH_BIN: another build of the services and the CLI, laid out as artifacts/bin is (NAME/release/).
bin="${FACEMESH_BENCH_BIN:-$root/artifacts/bin}"
cli=(dotnet "$bin/FaceMesh.Cli/release/facemesh.dll")
pids=()
calc() { awk "BEGIN { printf \"%.2f\", $* }"; }
# User + system CPU seconds a process has used so far, with the children it has waited for (the FrameExtractor's ffmpeg
# commands); 0 once it is gone.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 + $16 + $17) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
s3rver_pid=$(cat "${S3RVER_DATA:-/tmp/facemesh-s3rver}.pid" 2>/dev/null || echo 0)
rabbit_pid=$(pgrep -o beam.smp || echo 0)
cpu_rows=()
stop_services() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap stop_services EXIT

start() { # name port grpc-port [extra env...]
  local name=$1 http=$2 grpc=$3; shift 3
  env "$@" Service__HttpPort="$http" Service__GrpcPort="$grpc" dotnet "$bin/$name/release/FaceMesh.$name.dll" >"$work/$name-$http.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null && return; sleep 0.2; done
  echo "$name did not start" >&2; exit 1
}

run_distributed() { # label encoders engines [jobs]: jobs after the first run on the same, warm, services
  local label=$1 encoders=$2 engines=$3 jobs=${4:-1} id
  id="bench$(date +%s)"
  rabbitmqctl -q add_vhost "$id"; rabbitmqctl -q set_permissions -p "$id" guest '.*' '.*' '.*'
  local common=(ObjectStore__Endpoint=127.0.0.1:9000 ObjectStore__AccessKey=S3RVER ObjectStore__SecretKey=S3RVER
    ObjectStore__WorkBucket="w-$id" ObjectStore__DatasetsBucket="d-$id" RabbitMq__Host=127.0.0.1 RabbitMq__VirtualHost="$id"
    RabbitMq__Username=guest RabbitMq__Password=guest Auth__Tokens__0=bench-token Auth__InternalToken=bench-internal-token-0123
    Service__BindAddress=127.0.0.1 Encoder__ClustererUrl=http://127.0.0.1:15102 Encoder__Engines="$engines" Logging__LogLevel__Default=Warning)
  start FrameExtractor 18101 15101 "${common[@]}"
  start Clusterer 18102 15102 "${common[@]}"
  start Exporter 18103 0 "${common[@]}"
  for i in $(seq 1 "$encoders"); do start Encoder $((18110 + i)) 0 "${common[@]}"; done
  for job in $(seq 1 "$jobs"); do
    [[ $job -gt 1 ]] && label="$1, job $job on the same services"
    submit_and_time "$label" "$id-$job" "$encoders"
  done
  stop_services
  rabbitmqctl -q delete_vhost "$id"
}

submit_and_time() { # label job-name encoders
  local label=$1 name=$2 encoders=$3 begin end pid
  local -A cpu_before=()
  for pid in "${pids[@]}" "$s3rver_pid" "$rabbit_pid"; do cpu_before[$pid]=$(cpu_of "$pid"); done
  begin=$(date +%s.%N)
  # Every line the CLI prints (the job's state at each change), stamped with the seconds since the submit began.
  "${cli[@]}" submit "$clip" --name "$name" --server http://127.0.0.1:15101 --token bench-token 2>&1 \
    | while IFS= read -r line; do echo "$(calc "$(date +%s.%N) - $begin") $line"; done >"$work/$name.timeline"
  end=$(date +%s.%N)
  # CPU seconds each process spent on the job (services in start order: FrameExtractor, Clusterer, Exporter, encoders).
  local used=() encoders_cpu=0 total=0 spent
  for pid in "${pids[@]}" "$s3rver_pid" "$rabbit_pid"; do used+=("$(calc "$(cpu_of "$pid") - ${cpu_before[$pid]}")"); done
  for i in $(seq 3 $((2 + encoders))); do encoders_cpu=$(calc "$encoders_cpu + ${used[$i]}"); done
  for spent in "${used[@]}"; do total=$(calc "$total + $spent"); done
  cpu_rows+=("| $label | ${used[0]} | $encoders_cpu | ${used[1]} | ${used[2]} | ${used[-2]} | ${used[-1]} | $total |")
  local frames seconds
  frames=$(grep -o 'Done, frames [0-9]*' "$work/$name.timeline" | head -1 | grep -o '[0-9]*$')
  seconds=$(calc "$end - $begin")
  # When each phase was first seen to end: the upload (the job is submitted), sampling, encoding, clustering, export.
  local uploaded sampled encoded clustered
  uploaded=$(awk '/submitted job/ { print $1; exit }' "$work/$name.timeline")
  sampled=$(awk '/: (Encoding|Clustering|Exporting|Done),/ { print $1; exit }' "$work/$name.timeline")
  encoded=$(awk '/: (Clustering|Exporting|Done),/ { print $1; exit }' "$work/$name.timeline")
  clustered=$(awk '/: (Exporting|Done),/ { print $1; exit }' "$work/$name.timeline")
  echo "| $label | $frames | $seconds | $(calc "$frames / $seconds") | $uploaded | $(calc "$sampled - $uploaded") | $(calc "$encoded - $sampled") | $(calc "$clustered - $encoded") | $(calc "$seconds - $clustered") |"
}

echo "# $minutes-minute 1280x720 H.264 clip, one frame per second, $(nproc) cores; seconds include upload and export"
echo "# phases: upload until the job exists; sampling (encoders already at work) until the last frame is published;"
echo "# encoding of the frames still queued; clustering; export (first state change seen, polled every 0.3 s)"
echo "| configuration | frames | seconds | frames/s | upload | sampling | rest of encoding | clustering | export |"
echo "|---|---|---|---|---|---|---|---|---|"
begin=$(date +%s.%N)
TIMEFORMAT='%U %S'
{ time "${cli[@]}" run "$clip" -o "$work/embedded" --force --threads 2 2>/dev/null | head -1 >"$work/embedded.summary"; } 2>"$work/embedded.cpu"
end=$(date +%s.%N)
cpu_rows+=("| embedded, facemesh run --threads 2 | | | | | | | $(awk '{ printf "%.2f", $1 + $2 }' "$work/embedded.cpu") |")
frames=$(grep -o '^[0-9]* frames' "$work/embedded.summary" | grep -o '[0-9]*')
echo "| embedded, facemesh run --threads 2 | $frames | $(calc "$end - $begin") | $(calc "$frames / ($end - $begin)") | | | | | |"
run_distributed "distributed, 1 encoder x 2 engines" 1 2 2
run_distributed "distributed, 1 encoder x 1 engine" 1 1
run_distributed "distributed, 2 encoders x 1 engine" 2 1

echo
echo "# CPU seconds (user + system) each process spent on the job, from the submit to the finished dataset"
echo "| configuration | FrameExtractor | Encoders | Clusterer | Exporter | s3rver | RabbitMQ | total |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${cpu_rows[@]}"
