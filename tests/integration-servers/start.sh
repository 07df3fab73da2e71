#!/usr/bin/env bash
# Starts the servers the integration tests need, on loopback only: RabbitMQ (Debian's rabbitmq-server) on 5672 and
# s3rver (npm) on 9000 in MinIO's place. Idempotent: a server already answering is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v rabbitmq-server >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends rabbitmq-server >/dev/null
fi
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_DIST_PORT=25672
  rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 120); do rabbitmqctl -q status >/dev/null 2>&1 && break; sleep 1; done
  rabbitmqctl -q await_startup --timeout 60 >/dev/null
fi

(cd "$here" && npm ci --no-audit --no-fund --silent)
# s3rver 3.7.1 writes a wrong XML namespace in listings, which the Minio SDK reads as empty lists.
sed -i 's#//doc\.\([a-z0-9.]*\)/2006-03-01/#//\1/doc/2006-03-01/#g' \
  "$here"/node_modules/s3rver/lib/controllers/*.js
# It also answers HEAD on a bucket (which the Minio SDK sends before every GET) by listing the whole bucket, which
# grows slower with every object stored: answer it from the existence check alone.
grep -q "FACEMESH_HEAD_BUCKET" "$here/node_modules/s3rver/lib/routes.js" || sed -i \
  "s#  .get('/:bucket', bucketCtrl.bucketExists, ctx => {#  .get('/:bucket', bucketCtrl.bucketExists, ctx => { /* FACEMESH_HEAD_BUCKET */ if (ctx.method === 'HEAD') { ctx.status = 200; return; }#" \
  "$here/node_modules/s3rver/lib/routes.js"
# And it reads CopyObject's source with decodeURI, which leaves the %2F the Minio SDK (rightly) writes for each '/' of
# the key, so no key with a folder could be copied: decode it as S3 and MinIO do.
sed -i "s#decodeURI(ctx.headers\['x-amz-copy-source'\])#decodeURIComponent(ctx.headers['x-amz-copy-source'])#" \
  "$here/node_modules/s3rver/lib/controllers/object.js"
if ! (exec 3<>/dev/tcp/127.0.0.1/9000) 2>/dev/null; then
  data="${S3RVER_DATA:-/tmp/facemesh-s3rver}"
  mkdir -p "$data"
  nohup node "$here/node_modules/s3rver/bin/s3rver.js" --address 127.0.0.1 --port 9000 --directory "$data" \
    >"$data.log" 2>&1 &
  echo $! >"$data.pid"
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/9000) 2>/dev/null && break; sleep 0.1; done
fi
echo "servers: rabbitmq 127.0.0.1:5672, s3rver 127.0.0.1:9000"
