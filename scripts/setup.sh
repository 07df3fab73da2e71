#!/usr/bin/env bash
# Installs the system packages FaceMesh needs on Debian: the OpenCV runtime's GTK libraries, ffmpeg (it decodes
# footage; tests make clips with it), and Node.js/npm (model provisioning and the face-api.js reference). Idempotent;
# needs root for apt-get.
set -euo pipefail
needed=()
grep -q 'libgtk-3.so.0' < <(ldconfig -p) || needed+=(libgtk-3-0)
command -v ffmpeg >/dev/null || needed+=(ffmpeg)
command -v npm >/dev/null || needed+=(nodejs npm)
if ((${#needed[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "facemesh: missing system packages: ${needed[*]} (run: sudo apt-get install ${needed[*]})" >&2
    exit 1
  fi
  echo "facemesh: installing ${needed[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi
