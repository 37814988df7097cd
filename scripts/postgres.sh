# Shared by test.sh and bench.sh: make sure PostgreSQL's server binaries are here (installing them as root on
# Debian), and start a throwaway cluster on a free loopback port that is removed when the calling script exits.
# Sets MARKETPLACE_TEST_POSTGRES unless it is already set. Expects say/die from the caller. The cluster runs with
# fsync off (tests check behaviour, not durability on power loss) unless the caller sets pg_fsync=on (benchmarks do).

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
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c max_connections=300 -c fsync=${pg_fsync:-off}" start >/dev/null \
    || die "PostgreSQL did not start: $(tail -5 "$pgdir/server.log")"
  export MARKETPLACE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

