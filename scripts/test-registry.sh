#!/usr/bin/env bash
# Builds the image inputs of the vulnerability tests from the Debian root of scripts/debian-rootfs.sh, with
# Debian's own tools: an OCI layout (umoci), a 'docker save' archive (skopeo), and a local registry
# (docker-registry on 127.0.0.1) holding the image. Idempotent. Prints KEY=value lines.
# Stop the registry with: kill "$(cat "$cache/registry.pid")"
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${ARGUS_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/argus-test}"
root="$(bash scripts/debian-rootfs.sh)"
layout="$cache/debian-bookworm-oci"
archive="$cache/debian-bookworm-docker.tar"
for tool in umoci skopeo docker-registry; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y umoci skopeo docker-registry" >&2; exit 1; }
done

if [ ! -f "$layout/index.json" ]; then
    rm -rf "$layout.partial"
    umoci init --layout "$layout.partial"
    umoci new --image "$layout.partial:bookworm"
    # One layer holding the whole root, as 'debootstrap | docker import' would make.
    umoci insert --rootless --image "$layout.partial:bookworm" "$root" / >&2
    rm -f "$layout.partial/.argus-complete"
    mv "$layout.partial" "$layout"
fi

if [ ! -f "$archive" ]; then
    skopeo copy --quiet "oci:$layout:bookworm" "docker-archive:$archive.partial:argus/debian:bookworm" >&2
    mv "$archive.partial" "$archive"
fi

pidfile="$cache/registry.pid"
addressfile="$cache/registry.address"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    address="$(cat "$addressfile")"
else
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    address="127.0.0.1:$port"
    mkdir -p "$cache/registry"
    cat > "$cache/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $cache/registry
http:
  addr: $address
YAML
    nohup docker-registry serve "$cache/registry.yml" > "$cache/registry.log" 2>&1 &
    echo $! > "$pidfile"
    echo "$address" > "$addressfile"
    for _ in $(seq 1 50); do
        curl -sf "http://$address/v2/" >/dev/null && break
        sleep 0.1
    done
fi

skopeo copy --quiet --dest-tls-verify=false "oci:$layout:bookworm" "docker://$address/argus/debian:bookworm" >&2
echo "ARGUS_TEST_ROOTFS=$root"
echo "ARGUS_TEST_OCI_LAYOUT=$layout"
echo "ARGUS_TEST_DOCKER_ARCHIVE=$archive"
echo "ARGUS_TEST_REGISTRY=$address"
