#!/usr/bin/env bash
# PostgreSQL servers for the count-pushdown tests (issue 15): one single node and three shards, on loopback ports,
# each in its own cluster under a temporary folder, run by an unprivileged user (root runs them as "postgres").
#
#   eval "$(scripts/pg-test-servers.sh start [DIR])"   # prints the export lines (URLs, PGPASSWORD); DIR kept
#   scripts/pg-test-servers.sh stop DIR
#
# Start-up is kept short: one initdb, copied for the other three clusters; fsync off (test data only).
# Password authentication (scram) on every server, so the tests can check that a wrong password is refused and
# never printed. Ports: $LOOKALIKE_PG_PORT (default 54330) and the next three, or the next four free ones.
set -euo pipefail

cmd="${1:-}"
dir="${2:-}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test-servers: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
port0="${LOOKALIKE_PG_PORT:-54330}"
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
password="lookalike-test-pw"

as_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    [ -n "$dir" ] || dir="$(mktemp -d /tmp/lookalike-pg.XXXXXX)"
    # four free ports in a row (another checkout's servers may hold the default ones)
    for _ in $(seq 1 50); do
      if in_use "$port0" || in_use $((port0 + 1)) || in_use $((port0 + 2)) || in_use $((port0 + 3)); then
        port0=$((port0 + 4))
      else break; fi
    done
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    pwfile="$dir/pw"
    as_user bash -c "umask 077; printf '%s\n' '$password' > '$pwfile'"
    as_user "$bin/initdb" -D "$dir/n0" -U lookalike --pwfile="$pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    for i in 1 2 3; do as_user cp -a "$dir/n0" "$dir/n$i"; done
    for i in 0 1 2 3; do
      port=$((port0 + i))
      as_user "$bin/pg_ctl" -D "$dir/n$i" -l "$dir/n$i.log" -w -t 30 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    done
    for i in 0 1 2 3; do
      PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p $((port0 + i)) -U lookalike -d postgres -qAtc \
        "CREATE DATABASE lookalike" >/dev/null
    done
    url() { echo "postgres://lookalike@127.0.0.1:$((port0 + $1))/lookalike"; }
    echo "$port0" > "$dir/port"
    echo "export LOOKALIKE_PG_DIR='$dir'"
    echo "export LOOKALIKE_PG_URL='$(url 0)'"
    echo "export LOOKALIKE_PG_SHARDS='$(url 1),$(url 2),$(url 3)'"
    echo "export PGPASSWORD='$password'"
    ;;
  stop)
    [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    [ -d "$dir" ] || exit 0
    for i in 0 1 2 3; do
      [ -d "$dir/n$i" ] && as_user "$bin/pg_ctl" -D "$dir/n$i" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
