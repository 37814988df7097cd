#!/usr/bin/env bash
# Runs every test: web client unit tests (vitest), rule/grain tests, API and hub tests on SQLite and PostgreSQL,
# and the browser tests in headless Chromium. Installs what is missing when run as root (Debian), starts a
# throwaway PostgreSQL on a free loopback port and removes it afterwards. Ends with "N passed, N failed".
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

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then die "$1 is missing: install the Debian package(s) '$2' (or run this as root to install them)."; fi
  say "installing $2"
  { apt-get install -y --no-install-recommends $2 || { apt-get update && apt-get install -y --no-install-recommends $2; }; } >"$results/apt.log" 2>&1 \
    || die "apt-get install $2 failed; see $results/apt.log"
}

pg_bin() {
  for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}
pg_bin >/dev/null || apt_install "PostgreSQL server" "postgresql"
PGBIN=$(pg_bin) || die "PostgreSQL's initdb and pg_ctl were not found after installing."

export MARKETPLACE_CHROMIUM="${MARKETPLACE_CHROMIUM:-/usr/bin/chromium}"
[ -x "$MARKETPLACE_CHROMIUM" ] || apt_install "Chromium" "chromium"
[ -x "$MARKETPLACE_CHROMIUM" ] || die "Chromium is not at $MARKETPLACE_CHROMIUM."

# --- a throwaway PostgreSQL ----------------------------------------------------------------------------------
cleanup() {
  if [ -n "$pgdir" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -z "${MARKETPLACE_TEST_POSTGRES:-}" ]; then
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
  pgdir=$(mktemp -d /tmp/marketplace-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_pg "$PGBIN/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
    || as_pg "$PGBIN/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$pgdir/initdb.log" 2>&1 \
    || die "initdb failed: $(tail -5 "$pgdir/initdb.log")"
  as_pg "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c max_connections=300 -c fsync=off" start >/dev/null \
    || die "PostgreSQL did not start: $(tail -5 "$pgdir/server.log")"
  export MARKETPLACE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

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
