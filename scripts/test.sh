#!/usr/bin/env bash
# Runs every test: web client unit tests (vitest), rule/grain tests, API and hub tests on SQLite and PostgreSQL,
# the browser tests in headless Chromium, and two server nodes in cluster mode. Installs what is missing when run as
# root (Debian), starts a throwaway PostgreSQL and a throwaway Redis on free loopback ports and removes them afterwards.
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=$(mktemp -d /tmp/marketplace-results.XXXXXX)
pgdir=""

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- what the tests need -------------------------------------------------------------------------------------
command -v dotnet >/dev/null || die "the .NET SDK 10 is missing: install it from https://dot.net (dotnet on PATH)."
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js 20+ with npm is missing: apt-get install nodejs npm."

source scripts/postgres.sh
source scripts/redis.sh   # the cluster tests' membership table and SignalR backplane

export MARKETPLACE_CHROMIUM="${MARKETPLACE_CHROMIUM:-/usr/bin/chromium}"
[ -x "$MARKETPLACE_CHROMIUM" ] || apt_install "Chromium" "chromium"
[ -x "$MARKETPLACE_CHROMIUM" ] || die "Chromium is not at $MARKETPLACE_CHROMIUM."

# --- tests ---------------------------------------------------------------------------------------------------
failed_steps=0

say "web client: install, unit tests"
( cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json" ) \
  || failed_steps=$((failed_steps + 1))

say "build (includes the web client)"
if dotnet build Marketplace.sln -c Release -nologo -v quiet; then
  # One project at a time, each with its own report file, so no report can overwrite another.
  for project in tests/*.Tests; do
    name=$(basename "$project")
    say "dotnet test $name"
    dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results/trx" \
      || failed_steps=$((failed_steps + 1))
  done
else
  failed_steps=$((failed_steps + 1))
fi

# --- one honest total ----------------------------------------------------------------------------------------
node scripts/count-results.mjs "$results" "$failed_steps"
