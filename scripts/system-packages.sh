#!/bin/sh
# Install the system packages edition needs, on Debian or Ubuntu, for GROUP
# ("build", "test", "bench"): the ones listed in system-packages.txt beside this
# script that are not installed yet.  Nothing is done when all are present.
# On another system it prints what to install (see the README) and changes nothing.
#
#   sh scripts/system-packages.sh [--check] [GROUP...]
#
# --check installs nothing: it names what is missing and exits 1 if anything is.
set -eu

list="$(dirname "$0")/system-packages.txt"
check=""
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
[ "$#" -gt 0 ] || set -- build test
for group in "$@"; do
  case "$group" in
    build|test|bench) ;;
    *) echo "system-packages: unknown group '$group' (build, test or bench)" >&2; exit 2 ;;
  esac
done

wanted=$(awk -v groups=" $* " '
  /^[[:space:]]*(#|$)/ { next }
  index(groups, " " $1 " ") { print $2 ":" $3 }
' "$list")

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-packages: not a Debian/Ubuntu system; install the equivalents of these yourself (README, 'Set up'):" >&2
  for item in $wanted; do echo "  ${item%%:*}" >&2; done
  exit 0
fi

missing=""
for item in $wanted; do
  package=${item%%:*} command=${item#*:}
  if [ "$command" != "-" ] && command -v "$command" >/dev/null 2>&1; then
    continue
  fi
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $package"
done

if [ -z "$missing" ]; then
  echo "system-packages: all present ($*)" >&2
  exit 0
fi

if [ -n "$check" ]; then
  echo "system-packages: missing:$missing" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "system-packages: missing:$missing; install them as root (apt-get install$missing)" >&2
  exit 1
fi

echo "system-packages: installing$missing" >&2
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086  # one word per package
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
