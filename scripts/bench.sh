#!/usr/bin/env bash
# Benchmarks against a throwaway PostgreSQL. The first argument picks the scenario; the rest go to it.
#   bash scripts/bench.sh [directory] [--firms N] [--iterations N]
#       directory search over 100k member firms (issue #3); the default, so `bash scripts/bench.sh` runs it.
#       Writes artifacts/benchmarks/directory-search.md.
#   bash scripts/bench.sh deadline [--bids 1000] [--late 100] [--window-ms 2000] [--warmup 300] [--trace]
#       the deadline burst: 1,000 bids in the last 2 s before a tender's deadline on the real server (silo, real
#       clock, EF storage), after a warm-up of 300 bids on another tender (a server that has taken bids before), a late
#       wave that must be refused, then every receipt checked against the database;
#       --trace adds where the time goes (SQL, row lock, connection pool). Writes artifacts/benchmarks/deadline-burst.md;
#       exits 1 on a violation, 3 if bids sent before the deadline were refused.
#   bash scripts/bench.sh suggestions [--firms N] [--iterations N]
#       partner suggestions for a 5-lot tender's gaps over 100k member firms (alliances).
#       Writes artifacts/benchmarks/partner-suggestions.md.
#   bash scripts/bench.sh fanout [--watchers 1000] [--edits 100] [--rate 10] [--burst-edits 250] [--burst-rate 50] [--warmup 30]
#       1,000 watchers of one alliance workspace, 10 joint-bid edits per second, against a bare hub broadcast of the same
#       change message in the same run (the ratio of their p99s), then a burst of 50 edits per second (the rate held, p99).
#       Writes artifacts/benchmarks/fan-out.md.
#   bash scripts/bench.sh http [--firms 100000] [--tenders 10000] [--bids 1000000] [--alliances 300] [--seconds 10] [--warmup 3] [--connections 32] [--only "tender detail|inbox"]
#       page-level reads (tender detail, inbox, business page, space page, alliance workspace and its joint bid, directory
#       first page, tender list of a space) over HTTP with a firm Owner's bearer token, driven by wrk (installed if
#       missing), each between two runs of a bare "bearer authentication + one grain call" endpoint in the same run
#       (issue #11), and the server's resident memory with that data stored. Writes artifacts/benchmarks/http-reads.md;
#       exits 1 if any request failed.
#   bash scripts/bench.sh cluster [--firms 10000] [--tenders 1000] [--alliances 30] [--seconds 10] [--connections 32] [--bids 200] [--window-ms 2000] [--edits 100]
#       real server processes in cluster mode (a throwaway Redis too): hot page reads (wrk) and a deadline burst over HTTP
#       on node A alone, then on nodes A and B together, with the 2-node/1-node ratio, and the cross-node fan-out latency
#       (edits through A heard on B). Writes artifacts/benchmarks/cluster.md; exits 1 if any request failed.
#   bash scripts/bench.sh start [--restarts 5]
#       cold start of the built server on the embedded default (SQLite, Development, demo seeded) to /health/ready:
#       the first start on an empty data folder, then restarts on it. Writes artifacts/benchmarks/cold-start.md.
# Every scenario accepts --fsync-off: PostgreSQL then runs with fsync off (faster, not durable). By default it is on,
# as in production, so the deadline burst's bids/s are durable bids; the deadline report adds pgbench's durable
# inserts/s (16 clients, 10 s) measured in the same run, and the ratio of bids/s to it.
# Run it on an otherwise idle machine: it measures time.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d /tmp/marketplace-bench.XXXXXX)
pgdir=""
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
pg_fsync=on
args=()
for arg in "$@"; do
  if [ "$arg" = "--fsync-off" ]; then pg_fsync=off; else args+=("$arg"); fi
done
source scripts/postgres.sh
export PGBENCH="$PGBIN/pgbench"
case "${args[0]:-}" in http|cluster) command -v wrk >/dev/null || apt_install "wrk (the HTTP load tool)" "wrk" ;; esac
if [ "${args[0]:-}" = "cluster" ]; then source scripts/redis.sh; fi
dotnet run -c Release --project tests/Marketplace.Benchmarks -p:SkipWebClient=true -- "${args[@]}"
