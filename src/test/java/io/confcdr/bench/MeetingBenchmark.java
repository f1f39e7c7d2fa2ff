package io.confcdr.bench;

import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.Seconds;
import io.confcdr.store.sql.CdrTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET …/meetings/{meeting_sid}} of a meeting of {@link #LEGS} legs on a store of {@code records}
 * generated CDRs (loaded as the read benchmarks load them), one request at a time over one keep-alive
 * connection, next to GET by call_sid on the same server for scale. The big meeting is added once on top
 * of the generated records (a kept store keeps it).
 */
final class MeetingBenchmark {

    static final String MEETING_SID = "bench-meeting-300-legs";
    static final int LEGS = 300;
    private static final String MEETINGS = "/core/v2/app/conference/meetings/";

    private final String kind;
    private final long records;
    private final String keptSchema;

    MeetingBenchmark(String kind, long records, String keptSchema) {
        this.kind = kind;
        this.records = records;
        this.keptSchema = keptSchema;
    }

    void run() throws Exception {
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(11));
        try (var store = BenchStore.open(kind, generator, keptSchema)) {
            String[] sids = ReadBenchmark.fill(store, records, keptSchema);
            addMeeting(store);
            int port = store.startServer();
            String token = store.readToken(generator);
            int rounds = 600;
            int warm = 100;
            long[] meeting = new long[rounds - warm];
            long[] bySid = new long[rounds - warm];
            int bodyBytes = 0;
            try (var connection = new HttpConnection(port)) {
                for (int round = 0; round < rounds; round++) {
                    long sent = System.nanoTime();
                    var response = connection.get(MEETINGS + MEETING_SID, token);
                    long took = System.nanoTime() - sent;
                    if (response.status() != 200 || !response.text().contains("\"legs\":" + LEGS)) {
                        throw new IllegalStateException("the meeting answered " + response.status() + ": "
                                + response.text().substring(0, Math.min(300, response.text().length())));
                    }
                    bodyBytes = response.body().length;
                    sent = System.nanoTime();
                    var one = connection.get(ReadBenchmark.LIST + "/" + sids[round % sids.length], token);
                    long oneTook = System.nanoTime() - sent;
                    if (one.status() != 200) {
                        throw new IllegalStateException("GET by call_sid answered " + one.status());
                    }
                    if (round >= warm) {
                        meeting[round - warm] = took;
                        bySid[round - warm] = oneTook;
                    }
                }
            }
            Bench.say("RESULT meeting %s (%d legs, body %,d bytes, store of %,d records): %s; GET by call_sid %s; load average %.2f",
                    kind, LEGS, bodyBytes, records + LEGS, new Latencies(meeting).summary(), new Latencies(bySid).summary(),
                    ExportBenchmark.loadAverage());
        }
    }

    /** The meeting of {@link #LEGS} legs, the generator's first record as the pattern, unless present. */
    private static void addMeeting(BenchStore store) {
        var table = new CdrTable(store.storage().database().dialect());
        int present = store.storage().database().dsl().fetchCount(table.table(),
                table.text(CdrField.MEETING_SID).eq(MEETING_SID));
        if (present == LEGS) {
            return;
        }
        if (present != 0) {
            throw new IllegalStateException("the store holds " + present + " legs of " + MEETING_SID);
        }
        Cdr pattern = new TrafficGenerator(TrafficSettings.ofSeed(11)).records(1).next();
        Instant start = pattern.dateStart();
        List<Cdr> legs = new ArrayList<>(LEGS);
        for (int i = 0; i < LEGS; i++) {
            Instant legStart = start.plusSeconds(i * 7L);
            Instant legStop = legStart.plus(Duration.ofMinutes(30 + i % 40));
            legs.add(pattern.toBuilder()
                    .callSid(String.format("bench-meeting-leg-%03d", i))
                    .meetingSid(MEETING_SID)
                    .numberSrc(String.format("+3312345%04d", i % 250))
                    .role(i % 50 == 0 ? "host" : "participant")
                    .dateStart(legStart)
                    .dateStop(legStop)
                    .duration(Seconds.ofMillis(Duration.between(legStart, legStop).toMillis()))
                    .build());
        }
        store.storage().cdrs().insert(legs);
    }
}
