#!/usr/bin/env bash
# Service start-up: seconds from launch to /health/ready and the CPU seconds spent by then, for each service as built
# (tiered compilation off) and with DOTNET_TieredCompilation=1 (as before 9a198fa), alternating, over RabbitMQ and
# s3rver (tests/integration-servers/start.sh). Usage: bench/run-startup.sh [rounds]
# FACEMESH_BENCH_BIN: another build of the services, laid out as artifacts/bin is (NAME/release/), e.g. published ReadyToRun.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-2}"
bin="${FACEMESH_BENCH_BIN:-$(pwd)/artifacts/bin}"
tests/integration-servers/start.sh >/dev/null
dotnet build -c Release FaceMesh.sln -v quiet -nologo -clp:NoSummary >/dev/null
id="startup$(date +%s)"
rabbitmqctl -q add_vhost "$id"; rabbitmqctl -q set_permissions -p "$id" guest '.*' '.*' '.*'
trap 'rabbitmqctl -q delete_vhost "$id"' EXIT
common=(ObjectStore__Endpoint=127.0.0.1:9000 ObjectStore__AccessKey=S3RVER ObjectStore__SecretKey=S3RVER
  ObjectStore__WorkBucket="w-$id" ObjectStore__DatasetsBucket="d-$id" RabbitMq__Host=127.0.0.1 RabbitMq__VirtualHost="$id"
  RabbitMq__Username=guest RabbitMq__Password=guest Auth__Tokens__0=bench-token Auth__InternalToken=bench-internal-token-0123
  Service__BindAddress=127.0.0.1 Service__HttpPort=18190 Encoder__ClustererUrl=http://127.0.0.1:15102 Logging__LogLevel__Default=Warning)
echo "| round | service | tiered compilation | ready (s) | CPU s by then |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for tiered in off on; do
    for name in FrameExtractor Clusterer Exporter Encoder; do
      grpc=0; [[ $name == FrameExtractor || $name == Clusterer ]] && grpc=15190
      extra=(); [[ $tiered == on ]] && extra=(DOTNET_TieredCompilation=1)
      begin=$(date +%s.%N)
      env "${common[@]}" "${extra[@]}" Service__GrpcPort=$grpc dotnet "$bin/$name/release/FaceMesh.$name.dll" >/dev/null 2>&1 &
      pid=$!
      for _ in $(seq 1 1200); do curl -sf http://127.0.0.1:18190/health/ready >/dev/null && break; sleep 0.05; done
      ready=$(awk "BEGIN { printf \"%.2f\", $(date +%s.%N) - $begin }")
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")
      echo "| $round | $name | $tiered | $ready | $cpu |"
      kill "$pid"; wait "$pid" 2>/dev/null || true
    done
  done
done
