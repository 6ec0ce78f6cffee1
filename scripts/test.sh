#!/usr/bin/env bash
# Runs Tandem's whole test suite: unit tests, integration tests with real daemon and runner
# processes, web tests on real Chromium (installed from Debian's packages when absent; on
# macOS, Google Chrome or Chromium from /Applications, installed by hand), and Appium tests on a
# real Appium server (installed through `tandem prepare --platform appium`), and `tandem mcp` through
# the MCP Inspector's CLI (installed from the npm registry into the test cache).
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

# The Selenium Grid tests (it/.../grid) run Chrome nodes on Debian's chromium with its chromedriver
# (the Grid itself is the test-scope selenium-grid dependency from Maven Central).
if [ ! -x /usr/bin/chromedriver ] && command -v apt-get >/dev/null 2>&1; then
  echo "scripts/test.sh: installing Debian's chromium-driver for the Grid tests…"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-driver >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-driver >/dev/null
  fi
fi

# Appium for the tests on a real Appium server (the pinned server and @appium/fake-driver from the
# npm registry), installed by `tandem prepare` itself into a cache the test runs share and reuse
# (.tandem-test-cache, gitignored), with a throwaway state dir. The tests find it through
# TANDEM_TEST_CACHE_DIR (AppiumInstalls.find) or TANDEM_TEST_APPIUM_HOME (the install dir), and
# TANDEM_REQUIRE_APPIUM=1 makes them fail rather than skip when it is gone.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "scripts/test.sh: Node.js with npm is missing; the Appium tests need Node.js 20.19+ (22.12+, 24+) and npm 10+:" \
    "install it from nodejs.org (Debian 13: apt-get install nodejs npm; macOS: brew install node) and rerun." >&2
  exit 1
fi
export TANDEM_TEST_CACHE_DIR="$PWD/.tandem-test-cache"
prepare_home="$(mktemp -d "${TMPDIR:-/tmp}/tandem-test-prepare-XXXXXX")"
echo "scripts/test.sh: preparing Appium for the tests (tandem prepare --platform appium)…"
if ! prepare_json="$(env -u TANDEM_DEVICES_FILE TANDEM_HOME="$prepare_home" TANDEM_CACHE_DIR="$TANDEM_TEST_CACHE_DIR" \
    ./tandem prepare --platform appium --json)"; then
  echo "scripts/test.sh: tandem prepare --platform appium failed: $prepare_json" >&2
  rm -rf "$prepare_home"
  exit 1
fi
rm -rf "$prepare_home"
TANDEM_TEST_APPIUM_HOME="$(printf '%s' "$prepare_json" | sed -n 's/.*"installDir":"\([^"]*\)".*/\1/p')"
if [ -z "$TANDEM_TEST_APPIUM_HOME" ]; then
  echo "scripts/test.sh: tandem prepare --platform appium printed no installDir: $prepare_json" >&2
  exit 1
fi
echo "scripts/test.sh: Appium ready at $TANDEM_TEST_APPIUM_HOME ($(printf '%s' "$prepare_json" | sed -n 's/.*"cache":"\([a-z]*\)".*/\1/p'))"
export TANDEM_TEST_APPIUM_HOME TANDEM_REQUIRE_APPIUM=1

# The MCP Inspector's CLI mode drives `tandem mcp` in McpInspectorIT: the pinned version from the npm
# registry, installed once into the same cache (its install scripts are not needed: they only set up
# a source checkout). TANDEM_REQUIRE_MCP_INSPECTOR=1 makes the test fail rather than skip without it.
inspector_version=2.12.0
inspector_dir="$TANDEM_TEST_CACHE_DIR/mcp-inspector-$inspector_version"
TANDEM_TEST_MCP_INSPECTOR="$inspector_dir/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"
if [ ! -f "$TANDEM_TEST_MCP_INSPECTOR" ]; then
  echo "scripts/test.sh: installing @modelcontextprotocol/inspector@$inspector_version for the MCP tests…"
  mkdir -p "$inspector_dir"
  if ! (cd "$inspector_dir" && npm install --prefix . --no-audit --no-fund --ignore-scripts --loglevel=error \
      "@modelcontextprotocol/inspector@$inspector_version" >install.log 2>&1); then
    echo "scripts/test.sh: installing the MCP Inspector failed; see $inspector_dir/install.log" >&2
    exit 1
  fi
fi
echo "scripts/test.sh: MCP Inspector $(node "$TANDEM_TEST_MCP_INSPECTOR" --version) ready"
export TANDEM_TEST_MCP_INSPECTOR TANDEM_REQUIRE_MCP_INSPECTOR=1

exec mvn -B verify "$@"
