#!/usr/bin/env bash
# Re-vendor the web pages' JavaScript/CSS from the npm registry and rebuild the world map.
# Why: the pages must work offline, so every asset ships inside the Python package
# (src/litopys/web/static/); nothing is loaded from a CDN at run time.
# Usage: bash tools/vendor_web.sh          (needs node + npm; run from anywhere)
# To upgrade, change the pinned versions below, run, check the pages, update vendor/README.md.
set -euo pipefail

VIS_TIMELINE=8.5.4
VIS_NETWORK=10.1.5
D3=7.9.2
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATIC="$ROOT/src/litopys/web/static"
VENDOR="$STATIC/vendor"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

npm install --prefix "$TMP" --no-save --no-audit --no-fund \
  "vis-timeline@$VIS_TIMELINE" "vis-network@$VIS_NETWORK" "d3@$D3" \
  "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS"
NM="$TMP/node_modules"

# The vis "standalone" builds bundle their peer dependencies; npm installs those peers too,
# so their licence texts are appended to the vis licence files.
bundled_licences() {
  local dep f
  for dep in "$@"; do
    for f in "$NM/$dep"/LICEN[CS]E*; do
      printf '\n\n===== bundled dependency %s (licence text from npm %s@%s, %s) =====\n\n' "$dep" "$dep" \
        "$(node -p "require('$NM/$dep/package.json').version")" "$(basename "$f")"
      cat "$f"
    done
  done
}

mkdir -p "$VENDOR"
cp "$NM/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" "$VENDOR/"
cp "$NM/vis-timeline/styles/vis-timeline-graph2d.min.css" "$VENDOR/"
{
  cat "$NM/vis-timeline/LICENSE.md" "$NM/vis-timeline/LICENSE.Apache-2.0.txt" "$NM/vis-timeline/LICENSE.MIT.txt"
  bundled_licences moment vis-data vis-util @egjs/hammerjs propagating-hammerjs keycharm uuid xss cssfilter \
    component-emitter
} > "$VENDOR/vis-timeline.LICENSE"
cp "$NM/vis-network/standalone/umd/vis-network.min.js" "$VENDOR/"
{
  cat "$NM/vis-network/LICENSE-APACHE-2.0" "$NM/vis-network/LICENSE-MIT"
  bundled_licences vis-data vis-util @egjs/hammerjs keycharm uuid component-emitter
} > "$VENDOR/vis-network.LICENSE"
cp "$NM/d3/dist/d3.min.js" "$VENDOR/"
cp "$NM/d3/LICENSE" "$VENDOR/d3.LICENSE"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$VENDOR/"
cp "$NM/topojson-client/LICENSE" "$VENDOR/topojson-client.LICENSE"
cp "$NM/world-atlas/LICENSE" "$VENDOR/world-atlas.LICENSE"

"$PY" "$ROOT/tools/build_world.py" --atlas "$NM/world-atlas/countries-50m.json"
ls -l "$VENDOR" "$STATIC/world.topo.json"
