#!/usr/bin/env bash
# Runs Tandem's whole test suite: unit tests, integration tests with real daemon and runner
# processes, and web tests on real Chromium (installed from Debian's packages when absent).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if ! command -v chromium >/dev/null 2>&1 && [ -z "${TANDEM_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: installing Debian's chromium for the web tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "scripts/test.sh: Chromium is missing: install it (apt-get install chromium) for the web tests." >&2
  fi
fi

exec mvn -B verify "$@"
