#!/usr/bin/env bash
# Installs what the browser tests render with when it is missing: Debian's chromium (headless,
# Tests/ForecastTests/Publication/BrowserRenderTests.swift) and the fonts of the charts' font
# stack (fonts-noto-cjk for Chinese names and sources, fonts-dejavu-core). Uses apt-get, with
# sudo when not root; where neither works the browser tests are skipped and say so (unless
# FORECAST_REQUIRE_CHROMIUM=1, as in CI, which makes them fail).
set -euo pipefail
. "$(dirname "$0")/apt-optional.sh"

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
if command -v dpkg-query >/dev/null 2>&1; then
  for font in fonts-noto-cjk fonts-dejavu-core; do
    dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q "install ok installed" || missing+=("$font")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0

apt_install_optional "the browser tests" "${missing[@]}"
