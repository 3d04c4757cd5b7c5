#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-ledger tests: start DIR [PORT] | stop DIR.
#   start: installs Debian's postgresql when missing, initdb + pg_ctl in DIR on 127.0.0.1 (a free port unless PORT is
#          given), as the unprivileged 'postgres' user when run as root (the server refuses to run as root); prints the
#          connection string on stdout.
#   stop:  stops the cluster and deletes DIR.
set -euo pipefail

command_name=${1:-}
dir=${2:-}
[ -n "$command_name" ] && [ -n "$dir" ] || { echo "usage: cluster.sh start DIR [PORT] | stop DIR" >&2; exit 2; }

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command_name" in
  start)
    if ! bin=$(bin_dir); then
      command -v apt-get >/dev/null 2>&1 || { echo "cluster.sh: PostgreSQL is missing and there is no apt-get to install it" >&2; exit 3; }
      sudo_cmd=""
      if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "cluster.sh: installing postgresql needs root or sudo" >&2; exit 3; }
        sudo_cmd="sudo"
      fi
      $sudo_cmd apt-get update -qq >&2
      $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin=$(bin_dir) || { echo "cluster.sh: postgresql was installed but initdb is not under /usr/lib/postgresql" >&2; exit 3; }
    fi
    port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
      || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
    mkdir -p "$dir/data" "$dir/run"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir" "$dir/data" "$dir/run"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -A trust -U router >"$dir/run/initdb.log" 2>&1 \
        || { cat "$dir/run/initdb.log" >&2; exit 4; }
    fi
    echo "$port" >"$dir/port"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/run/pg.log" -w -t 60 \
      -o "-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >&2 \
      || { cat "$dir/run/pg.log" >&2; exit 4; }
    echo "Host=127.0.0.1;Port=$port;Username=router;Database=postgres"
    ;;
  stop)
    if bin=$(bin_dir) && [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    if [ -f "$dir/port" ]; then rm -rf "$dir"; fi
    ;;
  halt)
    # Stops the server but keeps its data, so that 'start DIR PORT' brings the same database back (the fault test).
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
    ;;
  *)
    echo "usage: cluster.sh start DIR [PORT] | halt DIR | stop DIR" >&2; exit 2 ;;
esac
