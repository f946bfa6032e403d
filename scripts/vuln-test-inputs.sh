#!/usr/bin/env bash
# Installs the Debian tools the vulnerability tests compare against and builds their inputs: a Debian root
# filesystem (scripts/debian-rootfs.sh), its OCI layout, docker archive and local registry (scripts/test-registry.sh).
# Idempotent; root only for the installation.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(debootstrap umoci skopeo docker-registry rpm e2fsprogs fdisk)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "vuln-test-inputs.sh: need root to install ${missing[*]}" >&2; exit 1; }
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${missing[@]}" >&2 || { apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2; }
fi
bash scripts/debian-rootfs.sh >/dev/null
bash scripts/test-registry.sh >/dev/null
