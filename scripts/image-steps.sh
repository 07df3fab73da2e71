#!/usr/bin/env bash
# The .NET build steps of every service image. The Dockerfiles RUN these lines, and CI runs the very same lines from
# the Dockerfiles (scripts/check-image-steps.sh), so an image build cannot break unnoticed without a Docker engine.
#   restore PROJECT...   restore for linux-x64 (only project files are needed, so Docker caches this layer)
#   publish PROJECT OUT  self-contained Release build: the runtime image needs no .NET installed
#   models OUT           publish the CLI and run `facemesh models install` into OUT (needs npm)
set -euo pipefail
readonly rid=linux-x64
step=${1:?usage: image-steps.sh restore PROJECT... | publish PROJECT OUT | models OUT}
shift
case "$step" in
  restore)
    for project in "$@"; do
      dotnet restore "$project" -r "$rid"
    done
    ;;
  publish)
    dotnet publish "${1:?project}" -c Release -r "$rid" --self-contained --no-restore -p:DebugType=none -o "${2:?output folder}"
    ;;
  models)
    out=${1:?output folder}
    cli=$(mktemp -d)
    dotnet publish src/FaceMesh.Cli/FaceMesh.Cli.csproj -c Release -r "$rid" --self-contained --no-restore -p:DebugType=none -o "$cli"
    "$cli/facemesh" models install --models "$out"
    "$cli/facemesh" models verify --models "$out"
    rm -rf "$cli"
    ;;
  *)
    echo "image-steps.sh: unknown step '$step'" >&2
    exit 2
    ;;
esac
