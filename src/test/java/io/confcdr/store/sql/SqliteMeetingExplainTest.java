package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.query.Visibility;
import io.confcdr.store.TestRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** On SQLite, a meeting's legs are read by seeking the meeting_sid index, never by scanning cdr. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteMeetingExplainTest {

    @TempDir
    static Path dataDir;

    private final TestRecords records = new TestRecords();
    private SqlStorage storage;
    private DSLContext dsl;

    @BeforeAll
    void load() {
        storage = (SqlStorage) SqlStorageFactory.open(dataDir, null, Clock.systemUTC());
        dsl = storage.database().dsl();
        List<Cdr> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(records.call("r" + i).meetingSid("meeting-" + i / 10).build());
        }
        storage.cdrs().insert(batch);
        dsl.execute("ANALYZE");
    }

    @AfterAll
    void close() {
        storage.close();
    }

    private String plan(ResultQuery<?> query) {
        return dsl.fetch("EXPLAIN QUERY PLAN " + query.getSQL(), query.getBindValues().toArray()).stream()
                .map(row -> row.get("detail", String.class))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void meetingLegsSeekTheMeetingSidIndexForOnePartner() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = plan(meetings.legsQuery(dsl, "meeting-150", Visibility.of(records.partnerSid())));

        assertThat(plan).contains("USING INDEX cdr_meeting_sid").doesNotContain("SCAN cdr");
    }

    @Test
    void meetingLegsSeekTheMeetingSidIndexForAPartnerTree() {
        var meetings = (SqlMeetingStore) storage.meetings();

        String plan = plan(meetings.legsQuery(dsl, "meeting-150", Visibility.of(records.partnerSid(), "child-1", "child-2")));

        assertThat(plan).contains("USING INDEX cdr_meeting_sid").doesNotContain("SCAN cdr");
    }
}
