# Sourced by the ensure-*.sh scripts of optional test tools: `apt_install_optional WHAT PKG...`
# installs the packages with apt-get (sudo when not root), and where that cannot be done says
# that WHAT is skipped, without failing: the suites that need a tool skip themselves, saying so.
apt_install_optional() {
  local what=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "note: $* missing and apt-get not found: $what are skipped." >&2
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "note: $* missing and no root: $what are skipped." >&2
      return 0
    fi
  fi
  echo "installing $* for $what..." >&2
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    >/dev/null 2>&1 || echo "note: could not install $*: $what are skipped." >&2
}
