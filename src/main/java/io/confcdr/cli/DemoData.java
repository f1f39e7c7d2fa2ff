package io.confcdr.cli;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.NewPartner;
import io.confcdr.admin.NewToken;
import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.generate.GeneratedPartner;
import io.confcdr.generate.NdjsonWriter;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.ingest.IngestReport;
import io.confcdr.model.Cdr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * Fills a fresh store for the demo: the generator's partners, its traffic ingested through the same
 * path as HTTP ingest, and three tokens for the root partner (reading everything, ingesting, and managing
 * push subscriptions that receive the whole tree).
 */
final class DemoData {

    static final Set<String> READ_SCOPES = Set.of("app.read", "app.read_descendant");
    static final Set<String> INGEST_SCOPES = Set.of("cdr.ingest");
    static final Set<String> MANAGE_SCOPES = Set.of("app.manage", "app.read_descendant");
    private static final int BATCH = 5_000;

    /** What the demo tells its user. */
    record Loaded(long accepted, long rejected, String sampleCallSid, Instant firstStop, Instant lastStop,
            String readToken, String ingestToken, String manageToken) {
    }

    private DemoData() {
    }

    static Loaded load(TrafficGenerator generator, long records, Services services) {
        Caller operator = Caller.operator();
        for (GeneratedPartner partner : generator.partners()) {
            CliRefusals.valueOf(services.partners().create(operator,
                    new NewPartner(partner.sid(), partner.name(), partner.parentSid(), null, null)),
                    refusal -> "partner " + partner.sid() + ": " + refusal.message());
        }
        long accepted = 0;
        long rejected = 0;
        String sample = null;
        Instant first = null;
        Instant last = null;
        Iterator<Cdr> traffic = generator.records(records);
        var buffer = new ByteArrayOutputStream(4 << 20);
        while (traffic.hasNext()) {
            buffer.reset();
            try (var writer = new NdjsonWriter(buffer)) {
                for (int i = 0; i < BATCH && traffic.hasNext(); i++) {
                    Cdr cdr = traffic.next();
                    writer.write(cdr);
                    if (first == null) {
                        first = cdr.dateStop();
                        sample = cdr.callSid();
                    }
                    last = cdr.dateStop();
                }
            }
            IngestReport report = services.ingestor().ingestNdjson(new ByteArrayInputStream(buffer.toByteArray()));
            accepted += report.accepted();
            rejected += report.rejected().size();
        }
        String root = generator.rootPartner().sid();
        String read = issue(services, root, "demo read", READ_SCOPES);
        String ingest = issue(services, root, "demo ingest", INGEST_SCOPES);
        String manage = issue(services, root, "demo manage", MANAGE_SCOPES);
        return new Loaded(accepted, rejected, sample, first, last, read, ingest, manage);
    }

    private static String issue(Services services, String partnerSid, String name, Set<String> scopes) {
        return CliRefusals.valueOf(services.tokens().issue(Caller.operator(), partnerSid, new NewToken(name, scopes, null)),
                AdminResult.Refusal::message).secret();
    }
}
