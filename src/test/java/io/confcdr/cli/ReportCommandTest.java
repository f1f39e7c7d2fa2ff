package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.model.Seconds;
import io.confcdr.store.TestRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code confcdr report usage|concurrency} as the operator, over an in-memory store. */
class ReportCommandTest {

    private static final Instant START = Instant.parse("2024-12-14T23:30:00Z");

    private final TestRecords records = new TestRecords();

    private CliHarness harness() {
        var cli = new CliHarness().withPartner("reseller", null).withPartner("shop", "reseller");
        cli.storage.cdrs().insert(List.of(leg("a", "reseller", 0, 90), leg("b", "shop", 30, 60), leg("c", "shop", 3600, 1)));
        return cli;
    }

    private Cdr leg(String sid, String partner, long offsetSeconds, long seconds) {
        Instant start = START.plusSeconds(offsetSeconds);
        return records.call(sid).build().toBuilder()
                .partnerSid(partner)
                .meetingSid("m-" + partner)
                .dateStart(start)
                .dateJoin(null)
                .dateDisconnected(null)
                .dateStop(start.plus(Duration.ofSeconds(seconds)))
                .duration(Seconds.ofMillis(seconds * 1000))
                .disconnectCause(16)
                .build();
    }

    @Test
    void usagePrintsOneAlignedRowPerGroupWithTheRollup() {
        var result = harness().run("report", "usage", "--group-by", "partner_sid", "--rollup", "tree");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly(
                "partner_sid  legs  meetings  minutes   billable_minutes  joined_legs  failed_legs  peak_concurrent_legs  self_legs",
                "reseller     3     2         2.516667  4                 0            0            2                     1",
                "shop         2     1         1.016667  2                 0            0            1                     2");
    }

    @Test
    void usageAsCsvCutsDaysInTheGivenZone() {
        var result = harness().run("report", "usage", "--group-by", "day", "--tz", "Europe/Paris", "--format", "csv");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("day,legs,meetings,minutes,billable_minutes,joined_legs,failed_legs,peak_concurrent_legs\r\n"
                + "2024-12-15,3,2,2.516667,4,0,0,2\r\n");
    }

    @Test
    void concurrencyPrintsTheNonEmptyBuckets() {
        var result = harness().run("report", "concurrency", "--interval", "1h", "--format", "csv", "--filter", "partner_sid eq shop");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("from,to,peak_concurrent_legs,legs_started\r\n"
                + "2024-12-14T23:00:00.000Z,2024-12-15T00:00:00.000Z,1,1\r\n"
                + "2024-12-15T00:00:00.000Z,2024-12-15T01:00:00.000Z,1,1\r\n");
    }

    @Test
    void aBadOptionIsAUsageErrorNamingTheOption() {
        var result = harness().run("report", "usage", "--group-by", "colour");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--group-by: unknown group key 'colour'");
        assertThat(harness().run("report", "usage", "--rollup", "tree").err()).contains("--rollup: rollup=tree needs partner_sid");
    }
}
