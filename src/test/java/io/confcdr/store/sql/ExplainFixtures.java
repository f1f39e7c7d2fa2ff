package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.store.TestRecords;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The stores the plan tests ask their database about, built one way so that each test's plans are judged on
 * the same data: legs of 20 partners in meetings of 10 (PostgreSQL, loaded with COPY), or the caller's legs
 * among those of 19 other partners (SQLite).
 */
final class ExplainFixtures {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private ExplainFixtures() {
    }

    /**
     * Copies {@code rows} legs into {@code cdr} at {@code url}: leg i of partner {@code partner-NN} ((i / 10) % 20)
     * in {@code meeting-(i / 10)}, starting a minute after the one before, lasting 60 to 659 s; {@code column}
     * (role, direction, …) holds {@code value.apply(i)}.
     */
    static void copyLegs(String url, int rows, String column, IntFunction<String> value) throws SQLException {
        try (var connection = DriverManager.getConnection(url)) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY cdr (call_sid, partner_sid, meeting_sid, " + column + ", date_start, date_stop, date_insert, duration,"
                            + " duration_meeting) FROM STDIN WITH (FORMAT csv)");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                Instant start = START.plusSeconds(i * 60L);
                Instant stop = start.plusSeconds(60 + i % 600);
                lines.append("call-").append(i).append(",partner-").append(String.format("%02d", (i / 10) % 20))
                        .append(",meeting-").append(i / 10).append(',').append(value.apply(i))
                        .append(',').append(start).append(',').append(stop).append(',').append(stop)
                        .append(',').append((60L + i % 600) * 1_000_000).append(",0\n");
            }
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
    }

    /** 3 000 legs of {@code records}' partner in meetings of 10, among 20 000 of 19 other partners. */
    static void callerAmongOthers(SqlStorage storage, TestRecords records) {
        List<Cdr> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(records.call("r" + i).meetingSid("meeting-" + i / 10).build());
        }
        for (int i = 0; i < 20_000; i++) {
            batch.add(records.call("o" + i).partnerSid("other-" + i % 19).meetingSid("other-meeting-" + i / 10).build());
        }
        storage.cdrs().insert(batch);
    }
}
