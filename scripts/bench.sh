#!/usr/bin/env bash
# Benchmarks against a throwaway PostgreSQL. The first argument picks the scenario; the rest go to it.
#   bash scripts/bench.sh [directory] [--firms N] [--iterations N]
#       directory search over 100k member firms (issue #3); the default, so `bash scripts/bench.sh` runs it.
#       Writes artifacts/benchmarks/directory-search.md.
#   bash scripts/bench.sh deadline [--bids 1000] [--late 100] [--window-ms 2000] [--trace]
#       the deadline burst: 1,000 bids in the last 2 s before a tender's deadline on the real server (silo, real
#       clock, EF storage), a late wave that must be refused, then every receipt checked against the database;
#       --trace adds where the time goes (SQL, row lock, connection pool). Writes artifacts/benchmarks/deadline-burst.md;
#       exits 1 on a violation, 3 if bids sent before the deadline were refused.
#   bash scripts/bench.sh suggestions [--firms N] [--iterations N]
#       partner suggestions for a 5-lot tender's gaps over 100k member firms (alliances).
#       Writes artifacts/benchmarks/partner-suggestions.md.
#   bash scripts/bench.sh fanout [--watchers 1000] [--edits 100] [--rate 10]
#       1,000 watchers of one alliance workspace, 10 joint-bid edits per second, against a bare hub broadcast.
#       Writes artifacts/benchmarks/fan-out.md.
# Run it on an otherwise idle machine: it measures time.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d /tmp/marketplace-bench.XXXXXX)
pgdir=""
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
source scripts/postgres.sh
dotnet run -c Release --project tests/Marketplace.Benchmarks -p:SkipWebClient=true -- "$@"
