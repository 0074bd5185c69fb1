#!/usr/bin/env bash
# Sourced by the test scripts: installs a Debian package when something the tests need is missing.

# apt_install PACKAGE WHAT: installs PACKAGE (with sudo when not root), saying so; returns 1 with a message on failure.
apt_install() {
  local package="$1" what="$2" sudo=""
  echo "$what is not installed: installing Debian's $package package"
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null || {
      echo "error: could not install $what (apt-get install $package)" >&2
      return 1
    }
}
