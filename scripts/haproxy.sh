#!/usr/bin/env bash
# Sourced by scripts/test.sh (after scripts/debian.sh): the replica tests put Debian's HAProxy in front of three
# servers; install it when missing and export its path.

find_test_haproxy() {
  if [ -n "${ACCORD_TEST_HAPROXY:-}" ] && [ -x "$ACCORD_TEST_HAPROXY" ]; then
    return 0
  fi

  local path
  path="$(command -v haproxy || true)"
  if [ -z "$path" ] && [ -x /usr/sbin/haproxy ]; then
    path=/usr/sbin/haproxy
  fi
  if [ -z "$path" ]; then
    apt_install haproxy HAProxy || return 1
    path="$(command -v haproxy || echo /usr/sbin/haproxy)"
  fi

  export ACCORD_TEST_HAPROXY="$path"
  echo "HAProxy for the replica tests: $("$path" -v 2>/dev/null | head -n 1)"
}
