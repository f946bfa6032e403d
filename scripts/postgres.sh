#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and prints the line that points them at it:
#
#   eval "$(scripts/postgres.sh)"        # sets ARGUS_TEST_POSTGRES
#   scripts/postgres.sh stop             # stops it and deletes its folder
#
# Installs Debian's postgresql package first when no initdb is found (root only). The cluster lives in
# $ARGUS_PG_ROOT (default: a folder under /tmp), listens on 127.0.0.1 only, on a free port, trusts local
# connections and keeps nothing worth keeping (fsync off). A server this script started earlier is reused
# while it still runs. Only the export line goes to stdout; diagnostics go to stderr.
set -euo pipefail

# fd 3 is the caller's stdout; everything else writes to stderr.
exec 3>&1 1>&2

# runuser and useradd live in sbin, which a non-login PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"

root="${ARGUS_PG_ROOT:-${TMPDIR:-/tmp}/argus-postgres-$(id -u)}"
data="$root/data"
database=argus_test
user=argus

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local initdb dir
    if initdb="$(command -v initdb 2>/dev/null)"; then
        dirname "$(readlink -f "$initdb")"
        return 0
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    if [ "$(id -u)" -ne 0 ]; then
        log "no initdb found and not root: install PostgreSQL (Debian: apt-get install postgresql) and run again"
        exit 1
    fi
    log "installing PostgreSQL from the Debian packages"
    # Only this script's cluster should run: no system-wide 'main' cluster on 5432.
    mkdir -p /etc/postgresql-common
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    fi
    # createcluster.conf is managed by ucf: keep the one written above.
    export DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold postgresql
}

free_port() {
    local port _
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        # Nothing answers a connection on a free port.
        if ! (exec 9<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    log "no free port found"
    return 1
}

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
    install_postgres
    bin="$(find_bin)" || { log "PostgreSQL was installed but initdb is still missing"; exit 1; }
fi

# initdb and pg_ctl refuse to run as root: as root, the server runs as an unprivileged user.
as_owner=()
owner="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    if ! id -u "$owner" >/dev/null 2>&1; then
        owner=argus-postgres
        id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    as_owner=(runuser -u "$owner" --)
fi

running() { [ -f "$root/port" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

if [ "${1:-}" = "stop" ]; then
    if running; then
        "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop 3>&-
    fi
    rm -rf "$root"
    log "stopped and removed $root"
    exit 0
fi

if running; then
    port="$(cat "$root/port")"
    log "reusing the server on 127.0.0.1:$port ($root)"
else
    rm -rf "$root"
    mkdir -p "$root"
    chown "$owner" "$root"
    chmod 700 "$root"
    log "creating a cluster in $data with $bin"
    "${as_owner[@]}" "$bin/initdb" -D "$data" -U "$user" --auth=trust -E UTF8 --no-locale --no-sync >/dev/null 3>&-
    started=
    for _ in 1 2 3; do
        port="$(free_port)"
        # The server must not hold fd 3, or "$(scripts/postgres.sh)" would wait for it to exit.
        if "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null 3>&-; then
            started=1
            break
        fi
        log "could not start on port $port; see $root/server.log"
    done
    [ -n "$started" ] || { tail -n 20 "$root/server.log" >&2 || true; exit 1; }
    echo "$port" > "$root/port"
    log "started PostgreSQL on 127.0.0.1:$port ($root)"
fi

if [ "$("$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database"
fi

echo "export ARGUS_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Database=$database;Username=$user'" >&3
