# Shared by test.sh (and bench.sh when it runs nodes in cluster mode): make sure redis-server is here (installing the
# Debian package as root), and start a throwaway Redis on a free loopback port, with no persistence, that is stopped
# and removed when the calling script exits. Sets MARKETPLACE_TEST_REDIS (host:port, a StackExchange.Redis
# connection string) unless it is already set. Source it after scripts/postgres.sh (it uses say, die, apt_install).

command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install "Redis" "redis-server"
command -v redis-server >/dev/null || die "redis-server was not found after installing."

redisdir=""
redis_stop() {
  if [ -n "$redisdir" ]; then
    [ -f "$redisdir/redis.pid" ] && kill "$(cat "$redisdir/redis.pid")" 2>/dev/null
    rm -rf "$redisdir"
  fi
}
# Keep the caller's own exit trap (PostgreSQL's cleanup) and add ours after it.
previous_exit_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
trap "${previous_exit_trap:+$previous_exit_trap; }redis_stop" EXIT

if [ -z "${MARKETPLACE_TEST_REDIS:-}" ]; then
  redisdir=$(mktemp -d /tmp/marketplace-redis.XXXXXX)
  redis_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  say "starting Redis on 127.0.0.1:$redis_port"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$redisdir" \
    --daemonize yes --pidfile "$redisdir/redis.pid" --logfile "$redisdir/redis.log" \
    || die "Redis did not start: $(tail -5 "$redisdir/redis.log" 2>/dev/null)"
  for _ in $(seq 50); do
    [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ] && break
    sleep 0.1
  done
  [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ] || die "Redis does not answer: $(tail -5 "$redisdir/redis.log")"
  export MARKETPLACE_TEST_REDIS="127.0.0.1:$redis_port"
fi
