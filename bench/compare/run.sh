#!/usr/bin/env bash
# Taps on a page with and without a mobile viewport, side by side in one run: Tandem's tapOn
# (step durationMs in results.json, full stack), Playwright's tap/click and chromedriver's W3C
# find + click (each until the page's click handler ran). Prints one line per tool and page with
# p50 / p90 and the ratio to Tandem's p50. Needs node, /usr/bin/chromium and /usr/bin/chromedriver;
# installs playwright-core here (bench/compare/node_modules, not committed) on first use.
#   bench/compare/run.sh [TAPS]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
N="${1:-100}"
ROOT="$(cd ../.. && pwd)"
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund >/dev/null
SCRATCH="$(mktemp -d /tmp/tandem-tap-compare.XXXXXX)"
export TANDEM_HOME="$SCRATCH/home" TANDEM_DEVICE_LOCK_DIR="$SCRATCH/locks" TANDEM_SIM_LATENCY=instant
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory site >/dev/null 2>&1 &
HTTP=$!
cleanup() { "$ROOT/tandem" daemon stop >/dev/null 2>&1 || true; kill "$HTTP" 2>/dev/null || true; rm -rf "$SCRATCH"; }
trap cleanup EXIT
BASE="http://127.0.0.1:$PORT"
OUT="$SCRATCH/lines"
: >"$OUT"

tandem_taps() { # page profile
  local plan="$SCRATCH/taps-$1-$2.yaml"
  { echo "steps:"; echo "  - {tool: launchApp, url: \"$BASE/$1\"}"
    for _ in $(seq "$N"); do echo "  - {tool: tapOn, text: Tap me}"; done; } >"$plan"
  "$ROOT/tandem" run "$plan" --device "web:$2" -o "$SCRATCH/warm" >/dev/null
  "$ROOT/tandem" run "$plan" --device "web:$2" -o "$SCRATCH/out-$1-$2" >/dev/null
  python3 - "$SCRATCH/out-$1-$2" "$1" "$2" <<'PY' >>"$OUT"
import json, pathlib, sys
d = next(pathlib.Path(sys.argv[1]).iterdir())
ms = sorted(s["durationMs"] for s in json.loads((d / "results.json").read_text())["steps"] if s["tool"] == "tapOn")
p = lambda q: ms[min(len(ms) - 1, int(q / 100 * len(ms)))]
print(f"tandem tapOn {sys.argv[3]} {sys.argv[2]}\tp50 {p(50):.1f} ms\tp90 {p(90):.1f} ms\tn {len(ms)}")
PY
}

for page in noviewport.html viewport.html; do
  tandem_taps "$page" pixel-7
  tandem_taps "$page" desktop
  node tap-compare.mjs "$BASE" "$page" "$N" >>"$OUT"
done
python3 - "$OUT" <<'PY'
import re, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
p50 = lambda r: float(re.search(r"p50 ([\d.]+)", r[1]).group(1))
base = {}
for r in rows:
    if r[0].startswith("tandem"):
        _, _, profile, page = r[0].split()
        base[(profile, page)] = p50(r)
print("| tool | profile | page | p50 | p90 | n | p50 ÷ Tandem's |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    words = r[0].split()
    page, profile = words[-1], words[-2]
    tool = " ".join(words[:-2])
    b = base.get((profile, page))
    ratio = f"{p50(r) / b:.1f}×" if b else "—"
    print(f"| {tool} | {profile} | {page} | {r[1][4:]} | {r[2][4:]} | {r[3][2:]} | {ratio} |")
PY
