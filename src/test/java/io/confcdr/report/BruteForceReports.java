package io.confcdr.report;

import io.confcdr.model.Cdr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The reports computed as plainly as possible from a list of legs, for checking the real ones: every
 * group by looping over the legs, peak concurrency by counting the legs up at every leg's start, bucket
 * edges by walking the timeline minute by minute. Rows come out as the API's JSON objects (name to value).
 */
final class BruteForceReports {

    private BruteForceReports() {
    }

    /**
     * @param subtreeOf under rollup: a visible partner to the visible partners whose legs its row counts
     *                  (itself and its descendants); null without rollup
     */
    static List<Map<String, Object>> usage(List<Cdr> legs, List<String> groupBy, ZoneId zone,
            Function<String, Set<String>> subtreeOf, Set<String> visiblePartners) {
        Map<List<Object>, List<Cdr>> groups = new LinkedHashMap<>();
        Map<List<Object>, String> rowPartner = new LinkedHashMap<>();
        if (subtreeOf == null) {
            for (Cdr leg : legs) {
                groups.computeIfAbsent(keys(leg, groupBy, zone), k -> new ArrayList<>()).add(leg);
            }
        } else {
            int p = groupBy.indexOf("partner_sid");
            for (String partner : visiblePartners) {
                Set<String> members = subtreeOf.apply(partner);
                for (Cdr leg : legs) {
                    if (members.contains(leg.partnerSid())) {
                        List<Object> key = new ArrayList<>(keys(leg, groupBy, zone));
                        key.set(p, partner);
                        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(leg);
                        rowPartner.put(key, partner);
                    }
                }
            }
        }
        if (groupBy.isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<List<Object>> order = new ArrayList<>(groups.keySet());
        order.sort(BruteForceReports::compareKeys);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> key : order) {
            List<Cdr> group = groups.get(key);
            Map<String, Object> row = new TreeMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                row.put(groupBy.get(i), key.get(i));
            }
            row.put("legs", group.size());
            row.put("meetings", group.stream().map(Cdr::meetingSid).filter(Objects::nonNull).distinct().count());
            BigDecimal seconds = BigDecimal.ZERO;
            BigDecimal billable = BigDecimal.ZERO;
            for (Cdr leg : group) {
                BigDecimal duration = leg.duration() == null ? BigDecimal.ZERO : leg.duration().toBigDecimal();
                seconds = seconds.add(duration);
                billable = billable.add(duration.divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING));
            }
            row.put("minutes", seconds.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            row.put("billable_minutes", billable.toBigIntegerExact());
            row.put("joined_legs", group.stream().filter(leg -> leg.dateJoin() != null).count());
            row.put("failed_legs", group.stream().filter(leg -> leg.disconnectCause() != null && leg.disconnectCause() != 16).count());
            row.put("peak_concurrent_legs", peakAtStarts(group, Long.MIN_VALUE, Long.MAX_VALUE));
            if (subtreeOf != null) {
                String partner = rowPartner.get(key);
                row.put("self_legs", group.stream().filter(leg -> leg.partnerSid().equals(partner)).count());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> keys(Cdr leg, List<String> groupBy, ZoneId zone) {
        List<Object> key = new ArrayList<>();
        LocalDateTime local = LocalDateTime.ofInstant(leg.dateStart(), zone);
        for (String name : groupBy) {
            key.add(switch (name) {
                case "partner_sid" -> leg.partnerSid();
                case "meeting_sid" -> leg.meetingSid();
                case "meeting_room_sid" -> leg.meetingRoomSid();
                case "bridge" -> leg.bridge();
                case "node" -> leg.node();
                case "direction" -> leg.direction();
                case "role" -> leg.role();
                case "disconnect_cause" -> leg.disconnectCause();
                case "custom_call_type" -> leg.customCallType();
                case "hour" -> "%04d-%02d-%02dT%02d".formatted(local.getYear(), local.getMonthValue(), local.getDayOfMonth(), local.getHour());
                case "day" -> "%04d-%02d-%02d".formatted(local.getYear(), local.getMonthValue(), local.getDayOfMonth());
                case "month" -> "%04d-%02d".formatted(local.getYear(), local.getMonthValue());
                default -> throw new IllegalArgumentException(name);
            });
        }
        return key;
    }

    /** Nulls first, numbers by value, text by code point. */
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x == null || y == null) {
                c = x == null ? (y == null ? 0 : -1) : 1;
            } else if (x instanceof Integer number) {
                c = number.compareTo((Integer) y);
            } else {
                c = java.util.Arrays.compare(((String) x).codePoints().toArray(), ((String) y).codePoints().toArray());
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Legs up at instant {@code at}: started at or before it and not yet stopped. */
    private static long upAt(List<Cdr> legs, long at) {
        return legs.stream().filter(leg -> leg.dateStart().toEpochMilli() <= at && at < leg.dateStop().toEpochMilli()).count();
    }

    /** The most legs up at one instant of [from, to): the count can only rise at a leg's start, so check from and every start. */
    private static long peakAtStarts(List<Cdr> legs, long from, long to) {
        long peak = from == Long.MIN_VALUE ? 0 : upAt(legs, from);
        for (Cdr leg : legs) {
            long start = leg.dateStart().toEpochMilli();
            if (start >= from && start < to) {
                peak = Math.max(peak, upAt(legs, start));
            }
        }
        return peak;
    }

    static List<Map<String, Object>> concurrency(List<Cdr> legs, String interval, ZoneId zone) {
        List<Map<String, Object>> buckets = new ArrayList<>();
        if (legs.isEmpty()) {
            return buckets;
        }
        long low = legs.stream().mapToLong(leg -> leg.dateStart().toEpochMilli()).min().orElseThrow();
        long high = legs.stream().mapToLong(leg -> Math.max(leg.dateStop().toEpochMilli(), leg.dateStart().toEpochMilli() + 1)).max().orElseThrow();
        List<Long> edges = edges(low - 86_400_000L * 2, high + 86_400_000L * 2, interval, zone);
        for (int i = 0; i + 1 < edges.size(); i++) {
            long from = edges.get(i);
            long to = edges.get(i + 1);
            long started = legs.stream().filter(leg -> leg.dateStart().toEpochMilli() >= from && leg.dateStart().toEpochMilli() < to).count();
            long peak = peakAtStarts(legs, from, to);
            if (started > 0 || peak > 0) {
                Map<String, Object> bucket = new TreeMap<>();
                bucket.put("from", io.confcdr.model.Timestamps.format(Instant.ofEpochMilli(from)));
                bucket.put("to", io.confcdr.model.Timestamps.format(Instant.ofEpochMilli(to)));
                bucket.put("peak_concurrent_legs", peak);
                bucket.put("legs_started", started);
                buckets.add(bucket);
            }
        }
        return buckets;
    }

    /**
     * Every bucket edge between the two instants: for 1d each instant where the zone's date changes; else
     * each whole minute where the zone's clock shows a multiple of the interval, or its offset changes.
     */
    private static List<Long> edges(long from, long to, String interval, ZoneId zone) {
        int minutes = switch (interval) {
            case "5m" -> 5;
            case "15m" -> 15;
            case "1h" -> 60;
            case "1d" -> 1440;
            default -> throw new IllegalArgumentException(interval);
        };
        List<Long> edges = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long m = Math.floorDiv(from, 60_000L) * 60_000L; m <= to; m += 60_000L) {
            Instant now = Instant.ofEpochMilli(m);
            Instant before = Instant.ofEpochMilli(m - 1);
            boolean edge;
            if (minutes == 1440) {
                edge = !LocalDate.ofInstant(now, zone).equals(LocalDate.ofInstant(before, zone));
            } else {
                LocalDateTime local = LocalDateTime.ofInstant(now, zone);
                ZoneOffset offsetNow = zone.getRules().getOffset(now);
                edge = (local.getHour() * 60 + local.getMinute()) % minutes == 0 && local.getSecond() == 0
                        || !offsetNow.equals(zone.getRules().getOffset(before));
            }
            if (edge && seen.add(m)) {
                edges.add(m);
            }
        }
        return edges;
    }
}
