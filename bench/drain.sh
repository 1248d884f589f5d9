#!/bin/bash
# Drain benchmark: how fast the journal's workers apply a backlog of ADT^A04 messages, and what it costs.
#
#   bench/drain.sh <load seconds> <drain seconds>
#
# Starts the server with its workers off, loads a backlog with LoadGenerator (4 connections x 16 in flight),
# restarts it with the workers on, and prints the applied rows every 5 s, the CPU used (JVM and PostgreSQL, in
# 1/100 s ticks) and the top statements of pg_stat_statements. Needs psql (PostgreSQL 15 client), the app jar and
# bench/target/benchmarks.jar. Environment:
#   JAR=<practice-studio.jar>  (default app/target/practice-studio.jar)
#   HIST=<rows>                APPLIED rows of history inserted before the load (default none)
#   SETTLE=<seconds>           between the restart and the first count (default 3)
#   DATA=<dir>                 the server's data directory, emptied first (default /tmp/ps-drain)
set -u
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/practice-studio.jar}
DATA=${DATA:-/tmp/ps-drain}
PSQL=${PSQL:-$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)}
LOG=$DATA.log
serve() { pgrep -f -- "-jar $JAR serve --practice-studio.data-dir=$DATA" || true; }
stop() { pkill -f -- "-jar $JAR serve --practice-studio.data-dir=$DATA"; while [ -n "$(serve)" ]; do sleep 0.5; done; }
start() {
  rm -f "$LOG"
  nohup java -Xmx512m -jar "$JAR" serve --practice-studio.data-dir="$DATA" --server.port=18080 \
    --practice-studio.hl7.mllp.port=12575 --logging.level.com.practicestudio.journal.ExchangeApplier=ERROR "$@" \
    > "$LOG" 2>&1 &
  for _ in $(seq 1 90); do grep -aq "Started PracticeStudio" "$LOG" && break; sleep 1; done
  PORT=$(grep -a -o "Embedded PostgreSQL started on port [0-9]*" "$LOG" | grep -o "[0-9]*$" | tail -1)
}
q() { "$PSQL" -h localhost -p "$PORT" -U postgres -d postgres "$@"; }
applied() { q -Atc "select count(*) from exchange where status = 'APPLIED' and id > $FIRST"; }
cpu() { for p in $(pgrep -x postgres) $(serve); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | paste -sd+ | bc; }

stop; rm -rf "$DATA"; mkdir -p "$DATA"
start --practice-studio.journal.workers.enabled=false
q -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on"
stop; start --practice-studio.journal.workers.enabled=false
q -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
if [ -n "${HIST:-}" ]; then
  q -qc "INSERT INTO exchange (channel, direction, message_type, sender, message_id, correlation_key, status,
             endpoint, payload_size, received_at, completed_at, updated_at)
         SELECT 'HL7', 'INBOUND', 'ADT^A04', 'HISTORY', 'H' || g, 'K' || g, 'APPLIED', 'bench', 1000, now(), now(), now()
         FROM generate_series(1, $HIST) g" -c "VACUUM ANALYZE exchange"
fi
FIRST=$(q -Atc "select coalesce(max(id), 0) from exchange")
java -cp bench/target/benchmarks.jar com.practicestudio.bench.mllp.LoadGenerator 127.0.0.1 12575 4 16 "$1" 2>&1 | tail -1
stop; start; sleep "${SETTLE:-3}"
q -Atc "select pg_stat_statements_reset()" > /dev/null
C0=$(cpu); J0=$(awk '{print $14+$15}' /proc/$(serve)/stat); A0=$(applied); A=$A0
for _ in $(seq 1 $(( $2 / 5 ))); do sleep 5; B=$(applied); echo -n "$(( (B - A) / 5 ))/s "; A=$B; done; echo
C1=$(cpu); J1=$(awk '{print $14+$15}' /proc/$(serve)/stat)
echo "applied in $2 s: $((B - A0)) rows; cpu ticks all=$((C1 - C0)) jvm=$((J1 - J0))"
q -Atc "select calls, plans, round(total_plan_time::numeric) plan_ms, round(total_exec_time::numeric) exec_ms,
               regexp_replace(left(query, 70), '\s+', ' ', 'g') from pg_stat_statements
        order by total_plan_time + total_exec_time desc limit 12"
stop
