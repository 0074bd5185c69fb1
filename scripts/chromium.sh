#!/usr/bin/env bash
# Sourced by scripts/test.sh (after scripts/debian.sh): the browser tests drive Debian's Chromium; install it when
# missing and export its path.

find_test_chromium() {
  if [ -n "${ACCORD_TEST_CHROMIUM:-}" ] && [ -x "$ACCORD_TEST_CHROMIUM" ]; then
    return 0
  fi

  local path
  path="$(command -v chromium || command -v chromium-browser || true)"
  if [ -z "$path" ]; then
    apt_install chromium Chromium || return 1
    path="$(command -v chromium || command -v chromium-browser)"
  fi

  export ACCORD_TEST_CHROMIUM="$path"
  echo "Chromium for the browser tests: $("$path" --version 2>/dev/null | head -n 1)"
}
