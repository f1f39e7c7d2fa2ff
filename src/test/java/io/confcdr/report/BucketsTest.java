package io.confcdr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata",
            "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu");

    /** Every minute of 2024-03-30 .. 2024-04-08 and 2024-09-28 .. 2024-11-05 (DST changes of every zone above). */
    private static long[] minutesAroundChanges() {
        long a = Instant.parse("2024-03-30T00:00:00Z").toEpochMilli();
        long b = Instant.parse("2024-09-28T00:00:00Z").toEpochMilli();
        int perRange = 10 * 1440;
        long[] minutes = new long[perRange + 38 * 1440];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = i < perRange ? a + i * 60_000L : b + (i - perRange) * 60_000L;
        }
        return minutes;
    }

    @Test
    void bucketsPartitionTheTimelineInEveryZoneAcrossOffsetChanges() {
        for (String name : ZONES) {
            for (Interval interval : Interval.values()) {
                var buckets = new Buckets(interval, ZoneId.of(name));
                for (long t : minutesAroundChanges()) {
                    Buckets.Span span = buckets.of(t + 17);
                    String what = name + " " + interval.wireName() + " at " + Instant.ofEpochMilli(t + 17);
                    assertThat(span.from()).as(what).isLessThanOrEqualTo(t + 17);
                    assertThat(span.to()).as(what).isGreaterThan(t + 17);
                    assertThat(buckets.of(span.from())).as(what + ": its first instant is in it").isEqualTo(span);
                    assertThat(buckets.of(span.to() - 1)).as(what + ": its last instant is in it").isEqualTo(span);
                    assertThat(buckets.of(span.to()).from()).as(what + ": the next one starts where it ends").isEqualTo(span.to());
                }
            }
        }
    }

    @Test
    void aQuarterHourInKathmanduStartsAtTheQuarterOnItsClock() {
        // Kathmandu is UTC+05:45: its clock shows 16:00 at 10:15 UTC.
        var buckets = new Buckets(Interval.HOUR, ZoneId.of("Asia/Kathmandu"));
        Buckets.Span span = buckets.of(Instant.parse("2024-12-14T10:20:00Z").toEpochMilli());
        assertThat(Instant.ofEpochMilli(span.from())).isEqualTo(Instant.parse("2024-12-14T10:15:00Z"));
        assertThat(Instant.ofEpochMilli(span.to())).isEqualTo(Instant.parse("2024-12-14T11:15:00Z"));
    }

    @Test
    void sumsBeyondALongStayExact() {
        var sum = new ExactSum();
        sum.add(Long.MAX_VALUE);
        sum.add(Long.MAX_VALUE);
        sum.add(2);
        assertThat(sum.value()).isEqualTo(BigInteger.TWO.pow(64));
    }
}
