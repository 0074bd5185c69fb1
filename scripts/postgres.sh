#!/usr/bin/env bash
# Sourced by scripts/test.sh (after scripts/debian.sh): gives the tests a PostgreSQL server of their own and exports ACCORD_TEST_PG.
# Uses $ACCORD_TEST_PG when set; otherwise starts a private cluster (installing PostgreSQL from Debian's packages
# when it is missing) on 127.0.0.1 (port 54329, or the next free one) with its files under /tmp, and stops it when the test script exits.

start_test_postgres() {
  if [ -n "${ACCORD_TEST_PG:-}" ]; then
    return 0
  fi

  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    apt_install postgresql PostgreSQL || return 1
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi

  local home run=""
  home="$(mktemp -d /tmp/accord-pg.XXXXXX)"
  chmod 755 "$home"
  # initdb refuses to run as root: the cluster belongs to the postgres user when we are root.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$home"
    run="runuser -u postgres --"
  fi

  $run "$bin/initdb" -D "$home/data" -U accord --auth=trust >"$home/initdb.log" 2>&1 || {
    echo "error: initdb failed; see $home/initdb.log" >&2
    cat "$home/initdb.log" >&2
    return 1
  }
  # The first free port from 54329: another test run on the machine may hold one.
  local port started=""
  for port in $(seq 54329 54348); do
    if $run "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 \
      -o "-p $port -k $home -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null 2>&1; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "error: PostgreSQL did not start; see $home/server.log" >&2
    cat "$home/server.log" >&2
    return 1
  fi

  export ACCORD_TEST_PG="Host=127.0.0.1;Port=$port;Username=accord;Database=postgres"
  ACCORD_PG_STOP="$run $bin/pg_ctl -D $home/data -m fast stop"
  trap 'eval "$ACCORD_PG_STOP" >/dev/null 2>&1; rm -rf "'"$home"'"' EXIT
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started for the tests on 127.0.0.1:$port"
}
