#!/usr/bin/env bash
# A Selenium Grid 4 on this machine for trying Tandem's grid source (docs/grid.md): a hub and two
# Chrome nodes on 127.0.0.1, from the same selenium-grid artifact the tests use (Maven Central,
# resolved into ~/.m2 by Maven), driving Debian's /usr/bin/chromium through /usr/bin/chromedriver.
#
#   examples/grid/start-local-grid.sh          # start; stays in the foreground, Ctrl-C stops it all
#   examples/grid/start-local-grid.sh stop     # stop one started from another shell
#
# Then, from the repository root:
#   ./tandem run examples/chat.yaml --platform web --devices examples/grid/devices.yaml
# Settings: GRID_PORT (hub, default 4444), GRID_SESSIONS (per node, default 2), GRID_DIR (logs and pids).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"
version=4.47.0
port="${GRID_PORT:-4444}"
sessions="${GRID_SESSIONS:-2}"
dir="${GRID_DIR:-${TMPDIR:-/tmp}/tandem-local-grid-$port}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"

stop_all() {
  [ -f "$dir/pids" ] || { echo "start-local-grid.sh: no grid recorded in $dir"; return 0; }
  while read -r pid; do
    # only our own Grid processes: the recorded pid must still run selenium's Main with our config dir
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "org.openqa.selenium.grid.Main .*--config $dir/"; then
      pkill -TERM -P "$pid" 2>/dev/null || true # chromedriver and Chrome of a node's sessions
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done < "$dir/pids"
  rm -f "$dir/pids"
  echo "start-local-grid.sh: stopped the grid on port $port"
}

if [ "${1:-start}" = stop ]; then stop_all; exit 0; fi
[ "${1:-start}" = start ] || { echo "usage: $0 [start|stop]" >&2; exit 2; }
for tool in java mvn "$chromium" "$chromedriver"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start-local-grid.sh: $tool is missing (Debian: apt-get install chromium chromium-driver maven)" >&2; exit 1; }
done
mkdir -p "$dir"
[ ! -f "$dir/pids" ] || { echo "start-local-grid.sh: a grid is already recorded in $dir; run '$0 stop' first" >&2; exit 1; }

# The class path: what `mvn verify` wrote for the tests, else resolved now from a one-dependency pom (~/.m2, online once).
classpath_file="$root/it/target/selenium-grid.classpath"
if [ ! -s "$classpath_file" ]; then
  classpath_file="$dir/selenium-grid.classpath"
  if [ ! -s "$classpath_file" ]; then
    cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>tandem-local-grid</artifactId><version>1</version>
  <dependencies><dependency><groupId>org.seleniumhq.selenium</groupId><artifactId>selenium-grid</artifactId>
    <version>$version</version></dependency></dependencies></project>
POM
    echo "start-local-grid.sh: resolving selenium-grid $version with Maven…"
    mvn -B -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath_file" >"$dir/mvn.log" 2>&1 \
      || { echo "start-local-grid.sh: Maven could not resolve selenium-grid $version; see $dir/mvn.log" >&2; exit 1; }
  fi
fi
classpath="$(cat "$classpath_file")"

events="publish = \"tcp://127.0.0.1:$((port - 2))\"
subscribe = \"tcp://127.0.0.1:$((port - 1))\""
cat > "$dir/hub.toml" <<TOML
[server]
host = "127.0.0.1"
port = $port
[events]
$events
bind = true
[sessionqueue]
session-request-timeout = 60
TOML
for n in 1 2; do
  cat > "$dir/node-$n.toml" <<TOML
[server]
host = "127.0.0.1"
port = $((port + 1110 + n))
[events]
$events
[node]
grid-url = "http://127.0.0.1:$port"
detect-drivers = false
selenium-manager = false
override-max-sessions = true
max-sessions = $sessions
[[node.driver-configuration]]
display-name = "chromium"
stereotype = '{"browserName": "chrome", "goog:chromeOptions": {"binary": "$chromium"}}'
max-sessions = $sessions
webdriver-executable = "$chromedriver"
TOML
done

trap 'stop_all; exit 0' INT TERM
for role in hub node-1 node-2; do
  java -cp "$classpath" org.openqa.selenium.grid.Main "${role%-*}" --config "$dir/$role.toml" >"$dir/$role.log" 2>&1 &
  echo $! >> "$dir/pids"
done
echo "start-local-grid.sh: starting a hub on http://127.0.0.1:$port and two Chrome nodes ($sessions sessions each); logs in $dir"
for _ in $(seq 1 120); do
  if curl -fsS -m 2 "http://127.0.0.1:$port/status" 2>/dev/null | tr -d ' \n' | grep -o '"availability":"UP"' | wc -l | grep -q '^2$'; then
    echo "start-local-grid.sh: ready — $((2 * sessions)) Chrome slots; Ctrl-C (or '$0 stop') stops the grid"
    wait
    exit 0
  fi
  sleep 0.5 # polling the hub's HTTP status until both nodes registered (bounded: 60 s)
done
echo "start-local-grid.sh: the grid did not report two nodes up within 60 s; see the logs in $dir" >&2
stop_all
exit 1
