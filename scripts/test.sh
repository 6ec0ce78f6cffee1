#!/usr/bin/env bash
# Runs Tandem's whole test suite: unit tests, integration tests with real daemon and runner
# processes, and web tests on real Chromium (installed from Debian's packages when absent; on
# macOS, Google Chrome or Chromium from /Applications, installed by hand).
set -euo pipefail
cd "$(cd "$(dirname "$0")" && pwd -P)/.." # not readlink -f: macOS before 12.3 has no -f

has_chromium() { # where ChromiumBinary looks: TANDEM_CHROMIUM, the PATH, macOS app bundles
  [ -n "${TANDEM_CHROMIUM:-}" ] && return 0
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 && return 0
  local app
  for app in {/Applications,"$HOME"/Applications}/{Chromium.app/Contents/MacOS/Chromium,"Google Chrome.app/Contents/MacOS/Google Chrome"}; do
    [ -x "$app" ] && return 0
  done
  return 1
}

if ! has_chromium; then
  if [ "$(uname -s)" = Darwin ]; then
    echo "scripts/test.sh: Chromium is missing: install Google Chrome (brew install --cask google-chrome) or Chromium, or set TANDEM_CHROMIUM to its binary, for the web tests." >&2
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: installing Debian's chromium for the web tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "scripts/test.sh: Chromium is missing: install it (apt-get install chromium) for the web tests." >&2
  fi
fi

exec mvn -B verify "$@"
