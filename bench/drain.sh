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
#   PGSQL=<statements>         run in PostgreSQL before the restart that loads pg_stat_statements (ALTER SYSTEM ...)
#   DATA=<dir>                 the server's data directory, emptied first (default /tmp/ps-drain)
set -u
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/practice-studio.jar}
DATA=${DATA:-/tmp/ps-drain}
HTTP_PORT=18080
MLLP_PORT=12575
. bench/server.sh
applied() { q -Atc "select count(*) from exchange where status = 'APPLIED' and id > $FIRST"; }

fresh --practice-studio.journal.workers.enabled=false
if [ -n "${HIST:-}" ]; then
  q -qc "INSERT INTO exchange (channel, direction, message_type, sender, message_id, correlation_key, status,
             endpoint, payload_size, received_at, completed_at, updated_at)
         SELECT 'HL7', 'INBOUND', 'ADT^A04', 'HISTORY', 'H' || g, 'K' || g, 'APPLIED', 'bench', 1000, now(), now(), now()
         FROM generate_series(1, $HIST) g" -c "VACUUM ANALYZE exchange"
fi
FIRST=$(q -Atc "select coalesce(max(id), 0) from exchange")
load 4 "$1"
stop; start; sleep "${SETTLE:-3}"
q -Atc "select pg_stat_statements_reset()" > /dev/null
C0=$(cpu); J0=$(jvm); A0=$(applied); A=$A0
for _ in $(seq 1 $(( $2 / 5 ))); do sleep 5; B=$(applied); echo -n "$(( (B - A) / 5 ))/s "; A=$B; done; echo
C1=$(cpu); J1=$(jvm)
echo "applied in $2 s: $((B - A0)) rows; cpu ticks all=$((C1 - C0)) jvm=$((J1 - J0))"
q -Atc "select calls, plans, round(total_plan_time::numeric) plan_ms, round(total_exec_time::numeric) exec_ms,
               regexp_replace(left(query, 70), '\s+', ' ', 'g') from pg_stat_statements
        order by total_plan_time + total_exec_time desc limit 12"
stop
