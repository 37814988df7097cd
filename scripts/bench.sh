#!/usr/bin/env bash
# Benchmarks against a throwaway PostgreSQL: directory search over 100k member firms (issue #3).
# Extra arguments go to the benchmark, e.g. `bash scripts/bench.sh --firms 20000 --iterations 50`.
# Writes artifacts/benchmarks/directory-search.md. Run it on an otherwise idle machine: it measures time.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d /tmp/marketplace-bench.XXXXXX)
pgdir=""
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
source scripts/postgres.sh
dotnet run -c Release --project tests/Marketplace.Benchmarks -p:SkipWebClient=true -- "$@"
