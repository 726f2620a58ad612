#!/usr/bin/env bash
# Renders the README's charts: the supply and capacity charts of Scenarios/china-uncertainty.toml
# (2,000 paths, so the 50% and 90% intervals show), drawn by `simulate plot` as SVG and rendered
# to docs/images/*.png by headless Chromium at 1.5x. The source line's date is the last commit's
# (SOURCE_DATE_EPOCH), so re-running it on the same commit gives the same SVG.
# Needs chromium (scripts/ensure-chromium.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-openblas.sh
bash scripts/ensure-chromium.sh
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome) || {
  echo "error: chromium not found (scripts/ensure-chromium.sh installs it)" >&2; exit 2; }
swift build --product simulate
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/images
for chart in supply capacity; do
  svg="$work/$chart.svg"
  .build/debug/simulate plot Scenarios/china-uncertainty.toml --chart "$chart" --out "$svg" 2>/dev/null
  # The view box is 800 wide and as tall as the chart: the window takes its size.
  height=$(sed -n 's/.*<svg [^>]* height="\([0-9.]*\)".*/\1/p' "$svg" | head -1)
  height=${height%.*}
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --force-device-scale-factor=1.5 \
    --window-size=800,"$((height + 1))" --screenshot="docs/images/china-uncertainty-$chart.png" \
    "file://$svg" >/dev/null 2>&1
  echo "docs/images/china-uncertainty-$chart.png"
done
