#!/usr/bin/env bash
# Builds the Debian root filesystem the vulnerability tests and benchmark scan: debootstrap --variant=minbase
# bookworm into a cache folder. Idempotent: an existing complete root is reused. Needs root (debootstrap chroots).
# Prints the folder. Tests find it through ARGUS_TEST_ROOTFS or the default below, and skip when it is absent.
set -euo pipefail

cache="${ARGUS_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/argus-test}"
root="${ARGUS_TEST_ROOTFS:-$cache/debian-bookworm-rootfs}"
mirror="${ARGUS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if [ -f "$root/.argus-complete" ]; then
    echo "$root"
    exit 0
fi

command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
rm -rf "$root.partial"
mkdir -p "$(dirname "$root")"
# Only the packages minbase brings, so the package list is Debian's own, not ours.
debootstrap --variant=minbase bookworm "$root.partial" "$mirror" >&2
rm -rf "$root"
mv "$root.partial" "$root"
touch "$root/.argus-complete"
echo "$root"
