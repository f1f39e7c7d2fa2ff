#!/usr/bin/env bash
# Retention on PostgreSQL: removing one expired month of a 10 M-record store by batched DELETE (what the
# purge job does) versus dropping a monthly partition, and what a time-partitioned table costs the reads
# (list of one partner newest first, GET by call_sid). Experimental tables in a schema of their own
# (bench_retention), shaped like the product's cdr table (same key, same indexes, rows of similar width);
# the product schema is not touched. Run it alone on the machine:
#   flock /work/bench.lock bench/retention/partitions.sh [records]
# Needs psql and pgbench; CONFCDR_TEST_PG_DB names the database (default test).
set -euo pipefail
DB="${CONFCDR_TEST_PG_DB:-test}"
RECORDS="${1:-10000000}"
BATCH="${BATCH:-1000}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$DB")
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
ms() { date +%s%3N; }

say "load average: $(cut -d' ' -f1-3 /proc/loadavg); records $RECORDS; batch $BATCH"
"${PSQL[@]}" -v records="$RECORDS" -f "$HERE/load.sql"
say "loaded; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${PSQL[@]}" -At -c "select 'plain ' || pg_size_pretty(pg_total_relation_size('bench_retention.cdr_plain')) || ', partitioned ' || pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits where inhparent = 'bench_retention.cdr_part'::regclass" | sed 's/^/RESULT size: /'

# Reads, before any removal: both tables hold the same rows.
SIDS="$WORK/sids"
"${PSQL[@]}" -At -c "select call_sid from bench_retention.cdr_plain tablesample bernoulli (0.1) limit 2000" > "$SIDS"
PARTNERS="$WORK/partners"
"${PSQL[@]}" -At -c "select distinct partner_sid from bench_retention.cdr_plain limit 100" > "$PARTNERS"
for table in plain part; do
  cat > "$WORK/get_$table.sql" <<SQL
\set i random(1, $(wc -l < "$SIDS"))
select * from bench_retention.cdr_$table where call_sid = (select sid from bench_retention.sids where n = :i);
SQL
  cat > "$WORK/list_$table.sql" <<SQL
\set i random(1, $(wc -l < "$PARTNERS"))
select * from bench_retention.cdr_$table where partner_sid = (select sid from bench_retention.partners where n = :i) order by date_stop desc nulls last, seq desc limit 1000;
SQL
  cat > "$WORK/listseq_$table.sql" <<SQL
\set i random(1, $(wc -l < "$PARTNERS"))
select * from bench_retention.cdr_$table where partner_sid = (select sid from bench_retention.partners where n = :i) order by seq limit 1000;
SQL
done
"${PSQL[@]}" -c "drop table if exists bench_retention.sids, bench_retention.partners;
  create table bench_retention.sids (n int primary key, sid text collate \"C\");
  create table bench_retention.partners (n int primary key, sid text collate \"C\");"
nl -w1 -s, "$SIDS" | "${PSQL[@]}" -c "\copy bench_retention.sids from stdin (format csv)"
nl -w1 -s, "$PARTNERS" | "${PSQL[@]}" -c "\copy bench_retention.partners from stdin (format csv)"
"${PSQL[@]}" -c "analyze bench_retention.sids; analyze bench_retention.partners;"
for query in get list listseq; do
  for table in plain part; do
    # 2 s warm-up, then 10 s measured, one connection.
    pgbench -h 127.0.0.1 -U postgres -n -c 1 -T 2 -f "$WORK/${query}_$table.sql" "$DB" > /dev/null
    out="$(pgbench -h 127.0.0.1 -U postgres -n -c 1 -T 10 -f "$WORK/${query}_$table.sql" "$DB")"
    tps="$(grep -oP 'tps = \K[0-9.]+' <<<"$out" | head -1)"
    lat="$(grep -oP 'latency average = \K[0-9.]+ ms' <<<"$out")"
    say "RESULT read $query on $table: $lat average, $tps/s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  done
done

# Removing the oldest month.
CUTOFF="$("${PSQL[@]}" -At -c "select to_char(min(date_stop) + interval '1 month', 'YYYY-MM-01') from bench_retention.cdr_plain")"
say "removing records with date_stop < $CUTOFF"
"${PSQL[@]}" -At -c "select 'RESULT expired rows: ' || count(*) from bench_retention.cdr_plain where date_stop < '$CUTOFF'"
start=$(ms)
"${PSQL[@]}" -c "call bench_retention.purge_batches('$CUTOFF', $BATCH)" 2>&1 | grep -o 'RESULT.*' || true
say "RESULT batched delete (plain): $(( $(ms) - start )) ms"
start=$(ms)
"${PSQL[@]}" -c "vacuum bench_retention.cdr_plain"
say "RESULT vacuum after delete (plain): $(( $(ms) - start )) ms"
start=$(ms)
"${PSQL[@]}" -c "call bench_retention.drop_months_before('$CUTOFF')" 2>&1 | grep -o 'RESULT.*' || true
say "RESULT detach + drop partition: $(( $(ms) - start )) ms"
start=$(ms)
"${PSQL[@]}" -c "call bench_retention.purge_batches_part('$CUTOFF', $BATCH)" 2>&1 | grep -o 'RESULT.*' || true
say "RESULT batched delete (partitioned, nothing left after the drop): $(( $(ms) - start )) ms"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "${KEEP:-}" != 1 ]]; then "${PSQL[@]}" -c "drop schema bench_retention cascade"; fi
