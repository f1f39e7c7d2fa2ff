package io.confcdr.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.confcdr.model.Cdr;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficGeneratorTest {

    private static final int MANY = 20_000;
    private static final Map<Long, List<Cdr>> CACHE = new HashMap<>();

    /** 20 000 records per seed, generated once for all tests of this class. */
    private static synchronized List<Cdr> traffic(long seed) {
        return CACHE.computeIfAbsent(seed, s -> new TrafficGenerator(TrafficSettings.ofSeed(s)).stream(MANY).toList());
    }

    private static byte[] ndjson(long seed, int count) {
        var out = new ByteArrayOutputStream();
        try (var writer = new NdjsonWriter(out)) {
            writer.writeAll(new TrafficGenerator(TrafficSettings.ofSeed(seed)).records(count));
        }
        return out.toByteArray();
    }

    private static Set<String> partnerSids() {
        return new TrafficGenerator(TrafficSettings.ofSeed(0)).partners().stream()
                .map(GeneratedPartner::sid).collect(Collectors.toSet());
    }

    @Test
    void theSameSeedGivesByteIdenticalOutput() {
        assertThat(ndjson(42, 3_000)).isEqualTo(ndjson(42, 3_000));
    }

    @Test
    void differentSeedsGiveDifferentTraffic() {
        assertThat(ndjson(1, 500)).isNotEqualTo(ndjson(2, 500));
    }

    @Test
    void givesExactlyTheRequestedNumberOfRecords() {
        assertThat(new TrafficGenerator(TrafficSettings.ofSeed(5)).stream(1_234).count()).isEqualTo(1_234);
        assertThat(new TrafficGenerator(TrafficSettings.ofSeed(5)).records(0).hasNext()).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7, 20241202})
    void everyRecordPassesTheIngestRules(long seed) {
        Set<String> partners = partnerSids();
        for (Cdr cdr : traffic(seed)) {
            assertThat(IngestRules.violations(cdr, partners))
                    .as("seed %d, call %s", seed, cdr.callSid()).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7})
    void recordsComeOutInDateStopOrder(long seed) {
        List<Cdr> records = traffic(seed);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).dateStop()).as("seed %d, record %d", seed, i)
                    .isAfterOrEqualTo(records.get(i - 1).dateStop());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7})
    void everyMeetingHasExactlyOneHost(long seed) {
        Map<String, Long> hosts = traffic(seed).stream().collect(Collectors.groupingBy(Cdr::meetingSid,
                Collectors.filtering(cdr -> "host".equals(cdr.role()), Collectors.counting())));
        assertThat(hosts.values()).as("seed %d", seed).containsOnly(1L);
    }

    @Test
    void callSidsAreUniqueAndUuidShaped() {
        List<Cdr> records = traffic(42);
        assertThat(records).extracting(Cdr::callSid).doesNotHaveDuplicates()
                .allMatch(sid -> sid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7, 20241202})
    void aboutFourPercentOfCallsFailWithARealisticCause(long seed) {
        List<Cdr> failed = traffic(seed).stream().filter(cdr -> cdr.dateJoin() == null).toList();

        assertThat(failed.size() / (double) MANY).as("seed %d", seed).isCloseTo(0.04, within(0.008));
        assertThat(failed).extracting(Cdr::disconnectCause).containsOnly(17, 18, 19, 21, 31, 34, 38, 41, 127);
        assertThat(traffic(seed)).filteredOn(cdr -> cdr.dateJoin() != null)
                .extracting(Cdr::disconnectCause).containsOnly(16);
    }

    @Test
    void theHostLeavingEndsTheMeetingForTheOthers() {
        Map<String, List<Cdr>> meetings = traffic(42).stream().collect(Collectors.groupingBy(Cdr::meetingSid));
        List<Cdr> endedByBridge = traffic(42).stream().filter(cdr -> "bridge".equals(cdr.disconnectOriginator())
                && cdr.disconnectCause() == 16).toList();

        assertThat(endedByBridge).isNotEmpty().allSatisfy(leg -> {
            Cdr host = meetings.get(leg.meetingSid()).stream().filter(c -> "host".equals(c.role())).findFirst().orElseThrow();
            assertThat(host.disconnectOriginator()).isEqualTo("src");
            assertThat(leg.dateDisconnected()).isAfterOrEqualTo(host.dateDisconnected());
        });
    }

    @Test
    void meetingSizesAreHeavyTailed() {
        Map<String, Long> sizes = traffic(42).stream().collect(Collectors.groupingBy(Cdr::meetingSid, Collectors.counting()));
        long small = sizes.values().stream().filter(size -> size <= 5).count();

        assertThat(small).isGreaterThan(sizes.size() * 7 / 10);
        assertThat(sizes.values()).anyMatch(size -> size >= 100).allMatch(size -> size <= TrafficGenerator.MAX_MEETING_SIZE);
    }

    @Test
    void recordingLegsCarryAnAudioKeyAndNoSpeakingRole() {
        List<Cdr> recordings = traffic(42).stream().filter(cdr -> "recording".equals(cdr.customCallType())).toList();

        assertThat(recordings).isNotEmpty().allSatisfy(cdr -> {
            assertThat(cdr.audioKey()).isNotBlank();
            assertThat(cdr.role()).isIn(null, "listener");
        });
        assertThat(traffic(42)).filteredOn(cdr -> cdr.audioKey() != null).allMatch(cdr -> "recording".equals(cdr.customCallType()));
    }

    @Test
    void everyCallTypeRoleAndDirectionOccurs() {
        List<Cdr> records = traffic(42);

        assertThat(records).extracting(Cdr::customCallType).contains(null, "dc", "foreign", "private_asd", "private_call", "recording");
        assertThat(records).extracting(Cdr::role).contains(null, "host", "participant", "listener");
        assertThat(records).extracting(Cdr::direction).contains("inbound", "outbound");
        assertThat(records.stream().map(Cdr::userAgent).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void addressesAndNamesIncludeTheTrickyShapes() {
        Set<String> texts = new HashSet<>();
        for (Cdr cdr : traffic(42)) {
            texts.add(cdr.addressSrc());
            texts.add(cdr.customName());
        }
        texts.remove(null);

        assertThat(texts).anyMatch(t -> t.startsWith("\"Smith, J\" <sip:+"))
                .anyMatch(t -> t.contains("\\\"") && t.startsWith("\"O"))
                .anyMatch(t -> t.contains("\\\\"))
                .anyMatch(t -> t.contains(";tag="))
                .anyMatch(t -> t.contains("张伟"))
                .anyMatch(t -> t.codePoints().anyMatch(cp -> cp > 0xFFFF))
                .anyMatch(t -> t.contains("Müller"))
                .anyMatch(t -> t.startsWith("<sip:") && !t.contains(">"));
    }

    @Test
    void callsSpreadOverTheRangeWithBusinessHourPeaks() {
        List<Cdr> records = traffic(42);
        LocalDate from = TrafficSettings.DEFAULT_FROM;
        Map<LocalDate, Long> perDay = records.stream().collect(Collectors.groupingBy(
                cdr -> LocalDate.ofInstant(cdr.dateStart(), ZoneOffset.UTC), Collectors.counting()));

        assertThat(perDay.keySet()).allMatch(day -> !day.isBefore(from) && day.isBefore(from.plusDays(8)));
        assertThat(perDay.keySet()).hasSizeGreaterThanOrEqualTo(TrafficSettings.DEFAULT_DAYS);
        long weekday = perDay.entrySet().stream().filter(e -> e.getKey().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue())
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(weekday).isGreaterThan(records.size() * 85L / 100);
    }

    @Test
    void partnersFormOneTreeListedParentsFirst() {
        List<GeneratedPartner> partners = new TrafficGenerator(TrafficSettings.ofSeed(1)).partners();
        Set<String> seen = new HashSet<>();

        assertThat(partners.getFirst().parentSid()).isNull();
        for (GeneratedPartner partner : partners) {
            assertThat(partner.parentSid() == null || seen.contains(partner.parentSid())).as(partner.name()).isTrue();
            seen.add(partner.sid());
        }
        assertThat(partners).filteredOn(p -> p.parentSid() == null).hasSize(1);
        assertThat(traffic(42)).extracting(Cdr::partnerSid).containsAll(seen);
    }
}
