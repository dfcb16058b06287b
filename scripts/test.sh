#!/usr/bin/env bash
# The one test command (`npm test`): installs and starts what the tests need, then runs every check.
# Safe to run again and again: each step does nothing when its work is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# npm packages: `npm ci` when node_modules is missing or was installed from another lock file.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.meridian-lock-hash ] || [ "$(cat node_modules/.meridian-lock-hash)" != "$lock_hash" ]; then
  step "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.meridian-lock-hash
fi

# Real peers the tests drive: openssl (certificates, TLS clients, CMS), microsocks (a SOCKS v5 proxy),
# strongswan-pki (`pki --scep`, a real SCEP client; it fetches over HTTP only through the curl
# plugin, which Debian ships in libstrongswan-extra-plugins) and
# chromium (the console's end-to-end tests).
apt_install openssl microsocks chromium strongswan-pki libstrongswan-extra-plugins

# PostgreSQL: use the server on 127.0.0.1:5432 when one answers and lets us create databases;
# otherwise install and start one. The store and API tests need it and never skip.
pg_usable() { psql "$1" -tAc "select 1" >/dev/null 2>&1; }
export MERIDIAN_TEST_DATABASE_URL="${MERIDIAN_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! pg_usable "$MERIDIAN_TEST_DATABASE_URL"; then
  apt_install postgresql postgresql-client
  if ls /etc/postgresql/*/main >/dev/null 2>&1; then
    step "Starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start 2>/dev/null || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
  if ! pg_usable "$MERIDIAN_TEST_DATABASE_URL"; then
    # No usable cluster on 5432 (absent, or not trust-authenticated): a throwaway one for the tests.
    step "Starting a throwaway PostgreSQL cluster for the tests on 127.0.0.1:55432"
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    dir=/tmp/meridian-test-pg
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_root rm -rf "$dir" && as_root mkdir -p "$dir" && as_root chown postgres "$dir"
      as_root su postgres -s /bin/sh -c "$bindir/initdb -D $dir -A trust -U postgres >/dev/null"
    fi
    as_root su postgres -s /bin/sh -c "$bindir/pg_ctl -D $dir -l $dir/log -o '-p 55432 -c listen_addresses=127.0.0.1 -k /tmp' start >/dev/null" || true
    export MERIDIAN_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:55432/postgres"
    for _ in $(seq 1 30); do pg_usable "$MERIDIAN_TEST_DATABASE_URL" && break; sleep 0.5; done
  fi
fi
pg_usable "$MERIDIAN_TEST_DATABASE_URL" || { echo "PostgreSQL is still not usable at $MERIDIAN_TEST_DATABASE_URL" >&2; exit 1; }

step "Type check"
npx tsc -p tsconfig.json
npx tsc -p apps/console/tsconfig.json

step "Lint and format"
npx eslint . --max-warnings 0
npx prettier --check . --log-level warn

step "Tests"
npx vitest run "$@"
