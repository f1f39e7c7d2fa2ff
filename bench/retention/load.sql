-- Two copies of the same :records rows, 12 months of date_stop ending 2026-12-01, 200 partners:
-- cdr_plain is shaped like the product's cdr table (seq key, unique call_sid, the same indexes);
-- cdr_part is partitioned by month of date_stop, so its key must include date_stop and call_sid can only
-- be indexed (unique per partition at most, never across the table).
drop schema if exists bench_retention cascade;
create schema bench_retention;
set search_path = bench_retention;
set maintenance_work_mem = '512MB';

create table cdr_plain (
    seq bigint generated always as identity primary key,
    address_dst text collate "C", address_src text collate "C", bridge text collate "C",
    call_sid text collate "C" not null, date_insert timestamptz not null, date_start timestamptz not null,
    date_stop timestamptz not null, direction text collate "C", disconnect_cause integer,
    duration bigint, duration_meeting bigint, endpoint_sid text collate "C", meeting_sid text collate "C",
    node text collate "C", number_dst text collate "C", number_src text collate "C",
    partner_sid text collate "C" not null, role text collate "C", user_agent text collate "C");

insert into cdr_plain (address_dst, address_src, bridge, call_sid, date_insert, date_start, date_stop, direction,
        disconnect_cause, duration, duration_meeting, endpoint_sid, meeting_sid, node, number_dst, number_src,
        partner_sid, role, user_agent)
select 'sip:+1760569' || lpad((i % 10000)::text, 4, '0') || '@bridge.example.net',
       'sip:+1415555' || lpad((i % 9973)::text, 4, '0') || '@carrier.example.com',
       'bridge-' || (i % 8), md5('call' || i)::uuid::text, stop + interval '2 seconds', stop - make_interval(secs => 60 + i % 3000),
       stop, case when i % 3 = 0 then 'outbound' else 'inbound' end, 16, (60 + i % 3000) * 1000000::bigint,
       (60 + i % 3000) * 1000000::bigint, md5('endpoint' || (i % 500))::uuid::text, md5('meeting' || (i / 7))::uuid::text,
       'node-' || (i % 4), '+1760569' || lpad((i % 10000)::text, 4, '0'), '+1415555' || lpad((i % 9973)::text, 4, '0'),
       md5('partner' || (i % 200))::uuid::text, 'participant', 'confcdr-bench/1.0'
from (select i, timestamptz '2025-12-01' + (i::float8 / :records) * (timestamptz '2026-12-01' - timestamptz '2025-12-01') as stop
      from generate_series(0, :records - 1) as i) as g
order by stop;

create unique index cdr_plain_call_sid on cdr_plain (call_sid);
create index cdr_plain_partner_date_stop on cdr_plain (partner_sid, date_stop nulls first, seq);
create index cdr_plain_partner_seq on cdr_plain (partner_sid, seq);
create index cdr_plain_date_start on cdr_plain (date_start nulls first);

create table cdr_part (like cdr_plain including defaults) partition by range (date_stop);
alter table cdr_part alter column seq drop identity if exists;
do $$
declare month date;
begin
    for month in select generate_series(date '2025-12-01', date '2026-11-01', interval '1 month')::date loop
        execute format('create table %I partition of cdr_part for values from (%L) to (%L)',
                'cdr_part_' || to_char(month, 'YYYY_MM'), month, month + interval '1 month');
    end loop;
end $$;
insert into cdr_part select * from cdr_plain;
alter table cdr_part add primary key (seq, date_stop);
create index cdr_part_call_sid on cdr_part (call_sid);
create index cdr_part_partner_date_stop on cdr_part (partner_sid, date_stop nulls first, seq);
create index cdr_part_partner_seq on cdr_part (partner_sid, seq);
create index cdr_part_date_start on cdr_part (date_start nulls first);
vacuum analyze cdr_plain;
vacuum analyze cdr_part;

-- The purge job's shape (store.sql.SqlRetentionStore): one partner at a time, at most batch_size
-- expired rows per transaction through the (partner_sid, date_stop, seq) index, until a batch comes back
-- short.
create procedure purge_batches(cutoff timestamptz, batch_size int) language plpgsql as $$
declare p text; n int; total bigint := 0; batches int := 0; started timestamptz; longest interval := '0';
        took interval; sum_took interval := '0';
begin
    for p in select distinct partner_sid from bench_retention.cdr_plain loop
        loop
            started := clock_timestamp();
            delete from bench_retention.cdr_plain where seq in (
                select seq from bench_retention.cdr_plain where partner_sid = p and date_stop < cutoff limit batch_size);
            get diagnostics n = row_count;
            commit;
            took := clock_timestamp() - started;
            sum_took := sum_took + took;
            if took > longest then longest := took; end if;
            total := total + n; batches := batches + 1;
            exit when n < batch_size;
        end loop;
    end loop;
    raise notice 'RESULT batched delete: % rows in % batches, longest batch % ms, mean batch % ms', total, batches,
        round(extract(epoch from longest) * 1000, 1), round(extract(epoch from sum_took) * 1000 / greatest(batches, 1), 1);
end $$;

create procedure purge_batches_part(cutoff timestamptz, batch_size int) language plpgsql as $$
declare n int; total bigint := 0;
begin
    loop
        delete from bench_retention.cdr_part where (seq, date_stop) in (
            select seq, date_stop from bench_retention.cdr_part where date_stop < cutoff limit batch_size);
        get diagnostics n = row_count;
        commit;
        exit when n = 0;
        total := total + n;
    end loop;
    raise notice 'RESULT batched delete on the partitioned table: % rows', total;
end $$;

create procedure drop_months_before(cutoff timestamptz) language plpgsql as $$
declare part record; dropped int := 0;
begin
    for part in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'bench_retention.cdr_part'::regclass
                  and c.relname < 'cdr_part_' || to_char(cutoff, 'YYYY_MM') loop
        execute format('alter table bench_retention.cdr_part detach partition bench_retention.%I', part.relname);
        execute format('drop table bench_retention.%I', part.relname);
        dropped := dropped + 1;
    end loop;
    raise notice 'RESULT partitions dropped: %', dropped;
end $$;
