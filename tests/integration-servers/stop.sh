#!/usr/bin/env bash
# Stops what start.sh started: the s3rver it launched (by the pid it recorded) and the RabbitMQ node. Idempotent:
# a server that is not running is left as it is. The s3rver data folder is kept (delete $S3RVER_DATA to start clean).
set -uo pipefail
data="${S3RVER_DATA:-/tmp/facemesh-s3rver}"
if [[ -f "$data.pid" ]]; then
  pid="$(cat "$data.pid")"
  if [[ "$(cat "/proc/$pid/cmdline" 2>/dev/null | tr '\0' ' ')" == *s3rver.js* ]]; then
    kill "$pid" && for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$data.pid"
fi
if command -v rabbitmqctl >/dev/null && rabbitmqctl -q status >/dev/null 2>&1; then
  rabbitmqctl -q stop >/dev/null 2>&1
fi
echo "servers stopped"
