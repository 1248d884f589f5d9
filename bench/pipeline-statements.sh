#!/bin/bash
# Where the full pipeline's time goes once warm: PostgreSQL's statements per applied row.
#
#   bench/pipeline-statements.sh
#
# Starts the server with its workers on and pg_stat_statements loaded, sends a warm-up load (16 x 16) and waits
# until it is applied, then resets the statistics and sends the measured load. When the queue is empty again it
# prints the applied rows per second, the CPU per row (JVM and PostgreSQL), PostgreSQL's WAL per row and its
# statements by time per applied row. Needs psql (PostgreSQL 15 client or later), the app jar and
# bench/target/benchmarks.jar. Environment:
#   JAR=<practice-studio.jar>  (default app/target/practice-studio.jar)
#   WARM=<seconds>             warm-up load (default 30: the JIT needs ~45 s of load to settle)
#   LOAD=<seconds>             measured load (default 10)
#   PGSQL=<statements>         run in PostgreSQL before the restart that loads pg_stat_statements (ALTER SYSTEM ...)
#   JFR=<file>                 also record a JFR profile of the server over the measured load and its drain
#   DATA=<dir>                 the server's data directory, emptied first (default /tmp/ps-statements)
set -u
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/practice-studio.jar}
DATA=${DATA:-/tmp/ps-statements}
PSQL=${PSQL:-$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)}
LOG=$DATA.log
serve() { pgrep -f -- "-jar $JAR serve --practice-studio.data-dir=$DATA" || true; }
stop() { pkill -f -- "-jar $JAR serve --practice-studio.data-dir=$DATA"; while [ -n "$(serve)" ]; do sleep 0.5; done; }
start() {
  rm -f "$LOG"
  nohup java -Xmx512m -jar "$JAR" serve --practice-studio.data-dir="$DATA" --server.port=18082 \
    --practice-studio.hl7.mllp.port=12578 --logging.level.com.practicestudio.journal.ExchangeApplier=ERROR "$@" \
    > "$LOG" 2>&1 &
  for _ in $(seq 1 90); do grep -aq "Started PracticeStudio" "$LOG" && break; sleep 1; done
  PORT=$(grep -a -o "Embedded PostgreSQL started on port [0-9]*" "$LOG" | grep -o "[0-9]*$" | tail -1)
}
q() { "$PSQL" -h localhost -p "$PORT" -U postgres -d postgres "$@"; }
waiting() { q -Atc "select count(*) from exchange_queue"; }
applied() { q -Atc "select count(*) from exchange where status = 'APPLIED'"; }
cpu() { for p in $(pgrep -x postgres) $(serve); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | paste -sd+ | bc; }
jvm() { awk '{print $14+$15}' /proc/$(serve)/stat; }
load() { java -cp bench/target/benchmarks.jar com.practicestudio.bench.mllp.LoadGenerator 127.0.0.1 12578 16 16 "$1" 2>&1 | tail -1; }

stop; rm -rf "$DATA"; mkdir -p "$DATA"
start --practice-studio.journal.workers.enabled=false
q -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on"
if [ -n "${PGSQL:-}" ]; then q -qc "$PGSQL"; fi
stop; start
q -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
load "${WARM:-30}" > /dev/null
while [ "$(waiting)" != "0" ]; do sleep 1; done
A0=$(applied)
q -Atc "select pg_stat_statements_reset()" -c "select pg_stat_reset_shared('wal')" > /dev/null
if [ -n "${JFR:-}" ]; then jcmd "$(serve)" JFR.start name=statements filename="$JFR" settings=profile > /dev/null; fi
C0=$(cpu); J0=$(jvm); T0=$(date +%s.%N)
load "${LOAD:-10}"
while [ "$(waiting)" != "0" ]; do sleep 0.2; done
T1=$(date +%s.%N); C1=$(cpu); J1=$(jvm)
if [ -n "${JFR:-}" ]; then jcmd "$(serve)" JFR.stop name=statements > /dev/null; fi
N=$(( $(applied) - A0 ))
echo "applied $N rows in $(echo "$T1 - $T0" | bc) s: $(echo "$N / ($T1 - $T0)" | bc)/s;" \
  "CPU µs per row: all $(( (C1 - C0) * 10000 / N )), JVM $(( (J1 - J0) * 10000 / N ))"
q -Atc "select 'WAL per row: ' || round(wal_records::numeric / $N, 1) || ' records, ' || round(wal_bytes / $N) || ' bytes, '
               || round(100 * wal_fpi * 8192 / greatest(wal_bytes, 1)) || ' % full-page images' from pg_stat_wal"
echo "calls per row | plans | µs per row (plan + run) | statement"
q -Atc "select round(calls::numeric / $N, 3), plans, round((total_plan_time + total_exec_time)::numeric * 1000 / $N, 1),
               regexp_replace(left(query, 90), '\s+', ' ', 'g') from pg_stat_statements
        order by total_plan_time + total_exec_time desc limit 16"
stop
