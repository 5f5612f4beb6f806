#!/usr/bin/env bash
# Versio set-up on Debian with Node 20, idempotent: installs what is missing, skips what is there.
#   scripts/setup.sh          Apertium (fr-es, eng-spa), npm packages, build
#   scripts/setup.sh --test   the above plus the tools the tests drive: xmllint, Translate Toolkit,
#                             OmegaT (CAT tool interop), Chromium (review page e2e), GNU time (bench),
#                             redis-server (scale-out tests start their own on a free port)
set -euo pipefail
cd "$(dirname "$0")/.."

# fra-cat, eng-cat, eo-fr, eo-en: the unknown-word repair's other pivots (src/providers/apertium/repair.ts).
packages=(apertium apertium-fr-es apertium-eng-spa apertium-fra-cat apertium-eng-cat apertium-eo-fr apertium-eo-en)
if [ "${1:-}" = "--test" ]; then
  packages+=(libxml2-utils translate-toolkit omegat chromium time redis-server)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm packages: (re)install when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi

# Build dist/: tsc type-checks and compiles every module, then the CLI is bundled
# (scripts/bundle.mjs), so `versio` starts fast.
npx tsc -p tsconfig.json
node scripts/bundle.mjs
