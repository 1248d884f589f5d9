#!/bin/bash
# Where the full pipeline's time goes once warm: PostgreSQL's statements per applied row.
#
#   bench/pipeline-statements.sh
#
# Starts the server with its workers on and pg_stat_statements loaded, sends a warm-up load (16 x 16) and waits
# until it is applied, then resets the statistics and sends the measured load. When the queue is empty again it
# prints the applied rows per second, the CPU per row (JVM and PostgreSQL), PostgreSQL's WAL per row and its
# records by kind (index entries, row locks, HOT and other updates), the share of the journal's updates written as
# HOT updates, and its statements by time per applied row. Needs psql (PostgreSQL 15 client or later), the app jar
# and bench/target/benchmarks.jar. Environment:
#   JAR=<practice-studio.jar>  (default app/target/practice-studio.jar)
#   WARM=<seconds>             warm-up load (default 30: the JIT needs ~45 s of load to settle)
#   LOAD=<seconds>             measured load (default 10)
#   PGSQL=<statements>         run in PostgreSQL before the restart that loads pg_stat_statements (ALTER SYSTEM ...)
#   JFR=<file>                 also record a JFR profile of the server over the measured load and its drain
#   JFR_SETTINGS=default       the JFR settings (default: profile, which slows the server several times)
#   DATA=<dir>                 the server's data directory, emptied first (default /tmp/ps-statements)
#   SETTINGS="--a=b ..."       server settings (e.g. --practice-studio.journal.workers.apply-batch=32)
set -u
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/practice-studio.jar}
DATA=${DATA:-/tmp/ps-statements}
HTTP_PORT=18082
MLLP_PORT=12578
. bench/server.sh
# one row read, where counting the queue reads the whole backlog
drained() { [ "$(q -Atc "select not exists (select 1 from exchange_queue)")" = t ]; }
applied() { q -Atc "select count(*) from exchange where status = 'APPLIED'"; }

# shellcheck disable=SC2086
fresh ${SETTINGS:-}
q -qc "CREATE EXTENSION IF NOT EXISTS pg_walinspect"
load 16 "${WARM:-30}" > /dev/null
until drained; do sleep 1; done
A0=$(applied)
q -Atc "select pg_stat_statements_reset()" -c "select pg_stat_reset_shared('wal')" > /dev/null
if [ -n "${JFR:-}" ]; then jcmd "$(serve)" JFR.start name=statements filename="$JFR" settings=${JFR_SETTINGS:-profile} > /dev/null; fi
L0=$(q -Atc "select pg_current_wal_lsn()")
U0=$(q -Atc "select n_tup_upd || ' ' || n_tup_hot_upd from pg_stat_user_tables where relname = 'exchange'")
C0=$(cpu); J0=$(jvm); T0=$(date +%s.%N)
load 16 "${LOAD:-10}"
until drained; do sleep 0.2; done
T1=$(date +%s.%N); C1=$(cpu); J1=$(jvm)
if [ -n "${JFR:-}" ]; then jcmd "$(serve)" JFR.stop name=statements > /dev/null; fi
N=$(( $(applied) - A0 ))
echo "applied $N rows in $(echo "$T1 - $T0" | bc) s: $(echo "$N / ($T1 - $T0)" | bc)/s;" \
  "CPU µs per row: all $(( (C1 - C0) * 10000 / N )), JVM $(( (J1 - J0) * 10000 / N ))"
q -Atc "select 'WAL per row: ' || round(wal_records::numeric / $N, 1) || ' records, ' || round(wal_bytes / $N) || ' bytes, '
               || round(100 * wal_fpi * 8192 / greatest(wal_bytes, 1)) || ' % full-page images' from pg_stat_wal"
q -Atc "select 'WAL records per row by kind: ' || string_agg(round(count::numeric / $N, 2) || ' ' || \"resource_manager/record_type\", ', '
               order by count desc) from pg_get_wal_stats('$L0', pg_current_wal_lsn(), true) where count::numeric / $N >= 0.1"
sleep 1 # the workers' statistics reach the shared counters within a second of their last commit
read -r U0 H0 <<< "$U0"
q -Atc "select 'journal updates written as HOT updates: ' || round(100.0 * (n_tup_hot_upd - $H0) / greatest(n_tup_upd - $U0, 1))
               || ' % of ' || (n_tup_upd - $U0) from pg_stat_user_tables where relname = 'exchange'"
echo "calls per row | plans | µs per row: planning | running | statement"
q -Atc "select round(calls::numeric / $N, 3), plans, round(total_plan_time::numeric * 1000 / $N, 1),
               round(total_exec_time::numeric * 1000 / $N, 1),
               regexp_replace(left(query, 90), '\s+', ' ', 'g') from pg_stat_statements
        order by total_plan_time + total_exec_time desc limit 16"
stop
