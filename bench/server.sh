# Shell functions shared by the benchmark scripts (sourced, not run): one server on a data directory of its own,
# psql against its embedded PostgreSQL, and CPU from /proc. Set before sourcing:
#   JAR, DATA          the server's jar and data directory
#   HTTP_PORT, MLLP_PORT
# psql itself, not Debian's Perl wrapper in /usr/bin, whose start costs more CPU than the polls it serves
PSQL=${PSQL:-$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1)}
PSQL=${PSQL:-$(command -v psql)}
LOG=$DATA.log
# the server's pid, or nothing
serve() { pgrep -f -- "-jar $JAR serve --practice-studio.data-dir=$DATA" || true; }
stop() { pkill -f -- "-jar $JAR serve --practice-studio.data-dir=$DATA"; while [ -n "$(serve)" ]; do sleep 0.5; done; }
# start [server settings...]: waits until it has started and sets PORT to its PostgreSQL's port
start() {
  rm -f "$LOG"
  nohup java -Xmx512m -jar "$JAR" serve --practice-studio.data-dir="$DATA" --server.port="$HTTP_PORT" \
    --practice-studio.hl7.mllp.port="$MLLP_PORT" --logging.level.com.practicestudio.journal.ExchangeApplier=ERROR \
    "$@" > "$LOG" 2>&1 &
  for _ in $(seq 1 90); do grep -aq "Started PracticeStudio" "$LOG" && break; sleep 1; done
  PORT=$(grep -a -o "Embedded PostgreSQL started on port [0-9]*" "$LOG" | grep -o "[0-9]*$" | tail -1)
}
q() { "$PSQL" -h localhost -p "$PORT" -U postgres -d postgres "$@"; }
# CPU ticks (1/100 s) of every PostgreSQL process and the server; of the server alone
cpu() { for p in $(pgrep -x postgres) $(serve); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | paste -sd+ | bc; }
jvm() { awk '{print $14+$15}' /proc/$(serve)/stat; }
# fresh [server settings...]: an emptied data directory, a server restarted with pg_stat_statements loaded (and
# $PGSQL run before that restart, when set)
fresh() {
  stop; rm -rf "$DATA"; mkdir -p "$DATA"
  start --practice-studio.journal.workers.enabled=false
  q -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" \
    -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on"
  if [ -n "${PGSQL:-}" ]; then q -qc "$PGSQL"; fi
  stop; start "$@"
  q -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
}
# load <connections> <seconds>: LoadGenerator with 16 messages in flight per connection
load() {
  java -cp bench/target/benchmarks.jar com.practicestudio.bench.mllp.LoadGenerator 127.0.0.1 "$MLLP_PORT" "$1" 16 "$2" \
    2>&1 | tail -1
}
