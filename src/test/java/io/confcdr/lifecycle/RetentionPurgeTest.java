package io.confcdr.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.confcdr.ManualClock;
import io.confcdr.boot.Services;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import io.confcdr.store.TestRecords;
import io.confcdr.store.memory.MemoryStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The purge job without HTTP: what it tells metrics and the audit log, and that serve's schedule runs it. */
class RetentionPurgeTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final MemoryStorage storage = new MemoryStorage(clock);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final TestRecords records = new TestRecords();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("confcdr.audit");
    private RetentionPurge purge;

    @BeforeEach
    void setUp() {
        audit.start();
        auditLogger.setLevel(Level.INFO);
        auditLogger.addAppender(audit);
        purge = new RetentionPurge(storage.partners(), storage.retention(), clock, metrics, 2);
    }

    @AfterEach
    void tearDown() {
        auditLogger.detachAppender(audit);
        auditLogger.setLevel(null);
    }

    private Partner partner(String sid, String parent, Integer days) {
        Partner partner = new Partner(sid, sid, parent, Partner.ACTIVE, START, Map.of(), days);
        storage.partners().create(partner);
        return partner;
    }

    private Cdr stored(String partnerSid, String name, Instant stop) {
        Cdr cdr = records.call(name).partnerSid(partnerSid).dateStart(stop.minusSeconds(60)).dateStop(stop).build();
        storage.cdrs().insert(List.of(cdr));
        return cdr;
    }

    private double purgedCounter() {
        return metrics.get("confcdr.retention.purged.records").counter().count();
    }

    @Test
    void theCounterAddsWhatEachPassRemovedAndTheGaugeSaysWhenTheLastPassEnded() {
        partner("acme", null, 10);
        for (int i = 0; i < 3; i++) {
            stored("acme", "old-" + i, START.minus(Duration.ofDays(20)));
        }
        stored("acme", "young", START.minus(Duration.ofDays(5)));

        purge.runOnce();
        assertThat(purgedCounter()).isEqualTo(3);
        assertThat(metrics.get("confcdr.retention.last.run.seconds").gauge().value()).isEqualTo(START.getEpochSecond());

        clock.advance(Duration.ofDays(6));
        purge.runOnce();
        assertThat(purgedCounter()).isEqualTo(4);
        assertThat(metrics.get("confcdr.retention.last.run.seconds").gauge().value())
                .isEqualTo(START.plus(Duration.ofDays(6)).getEpochSecond());
    }

    @Test
    void theAuditLogHasOneLinePerPartnerThatLostRecordsWithTheCountAndNoNumber() {
        partner("acme", null, 10);
        partner("acme-paris", "acme", null);
        partner("globex", null, 10);
        stored("acme", "acme-old", START.minus(Duration.ofDays(11)));
        Cdr parisOld = stored("acme-paris", "paris-old-1", START.minus(Duration.ofDays(30)));
        stored("acme-paris", "paris-old-2", START.minus(Duration.ofDays(31)));
        stored("acme-paris", "paris-old-3", START.minus(Duration.ofDays(32)));

        purge.runOnce();

        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).containsExactly("retention partner=acme records=1", "retention partner=acme-paris records=3");
        assertThat(String.join("\n", lines)).doesNotContain(parisOld.numberSrc()).doesNotContain(parisOld.callSid());
    }

    @Test
    void aPassThatFindsNothingExpiredLogsNothing() {
        partner("acme", null, 10);
        stored("acme", "young", START.minus(Duration.ofDays(1)));

        assertThat(purge.runOnce()).isEmpty();
        assertThat(audit.list).isEmpty();
    }

    @Test
    void serveStartsPassesThatRemoveExpiredRecordsWithoutBeingAsked() throws InterruptedException {
        partner("acme", null, 10);
        Cdr old = stored("acme", "old", START.minus(Duration.ofDays(11)));
        try (Services services = Services.over(storage, clock)) {
            services.startRetention(Duration.ofMinutes(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (storage.cdrs().find(old.callSid(), Visibility.of("acme")).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(storage.cdrs().find(old.callSid(), Visibility.of("acme"))).isEmpty();
    }
}
