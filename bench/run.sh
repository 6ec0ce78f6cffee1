#!/usr/bin/env bash
# Builds Tandem and the harnesses, then runs the named benchmarks (see BENCHMARKS.md):
#   bench/run.sh throughput startup handoff load10k parallel16 adoption shards junit report
# REPORT_DIR=tandem-out/<run-id> REPORT_PNG=out.png bench/run.sh reportshot: a picture of that run's report.html
# BASELINE=DIR (another checkout, e.g. a worktree of an older commit): `startup` samples that
# checkout's launcher too, alternating with this one's.
# bench/run.sh gridchat: 16 Grid web devices (starts and stops its own hub + two Chrome nodes on 127.0.0.1:47444, GRIDCHAT_PORT).
# The Appium ones need a prepared Appium in Tandem's cache (TANDEM_CACHE_DIR, or `tandem prepare --platform appium`):
#   bench/run.sh appiumtap appiumcold
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
mvn -B -q -DskipTests -pl bench -am package >/dev/null
./tandem --version >/dev/null   # makes sure the launcher's own build is fresh
if [ -n "${BASELINE:-}" ]; then "$BASELINE/tandem" --version >/dev/null; fi
JAVA=""
for home in "${TANDEM_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -x "$home/bin/java" ] && [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)" -ge 21 ] 2>/dev/null; then
    JAVA="$home/bin/java"; break
  fi
done
CP="$(ls cli/target/lib/*.jar bench/target/lib/*.jar 2>/dev/null | sort | tr '\n' ':')bench/target/classes"
exec "$JAVA" -Dtandem.root="$PWD" -Dtandem.baseline="${BASELINE:-}" -cp "$CP" dev.tandem.bench.Bench "$@"
