#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the tests of the PostgreSQL run store.
#
#   scripts/postgres-test-server.sh start DIR   initdb in DIR/data, start on 127.0.0.1 and a free port, print the URI
#                                              postgres://cradle@127.0.0.1:PORT/postgres (trust login, local only)
#   scripts/postgres-test-server.sh stop DIR    stop that server and delete DIR
#
# Uses Debian's postgresql package (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin). initdb refuses to
# run as root, so as root the server runs as the user 'postgres' (the package creates it), else 'nobody'.
set -euo pipefail

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/$1" ]; then echo "$dir/$1"; return; fi
  echo "postgres-test-server.sh: '$1' not found; install PostgreSQL ('apt-get install postgresql')" >&2
  exit 2
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    local owner=postgres
    id -u postgres >/dev/null 2>&1 || owner=nobody
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local dir=$1 initdb pg_ctl
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  mkdir -p "$dir/data"
  if [ "$(id -u)" -eq 0 ]; then
    local owner=postgres
    id -u postgres >/dev/null 2>&1 || owner=nobody
    chown -R "$owner" "$dir"
    chmod 700 "$dir"
  fi
  as_owner "$initdb" -D "$dir/data" -U cradle --auth=trust --encoding=UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # A free port: a few random tries (another server may take a port between the check and the start).
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 20000))
    port_free "$port" || continue
    # fsync off: a throwaway server for tests; the socket directory is ours (the default may not be writable).
    if as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >/dev/null; then
      echo "postgres://cradle@127.0.0.1:$port/postgres"
      return
    fi
  done
  cat "$dir/server.log" >&2 || true
  echo "postgres-test-server.sh: the server did not start (log above)" >&2
  exit 1
}

stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:?DIR}" ;;
  stop) stop "${2:?DIR}" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
