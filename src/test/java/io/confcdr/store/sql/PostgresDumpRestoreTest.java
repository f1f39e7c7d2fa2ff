package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.ingest.BodyFormat;
import io.confcdr.ingest.IngestReport;
import io.confcdr.model.Partner;
import io.confcdr.query.Visibility;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL procedure of docs/backup.md, run once on a small store: {@code pg_dump} of confcdr's schema,
 * {@code pg_restore} into a fresh database, {@code vacuumdb --analyze-only} there, and confcdr reading every record back from the restored copy.
 */
class PostgresDumpRestoreTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void aPgDumpOfTheSchemaRestoredIntoAFreshDatabaseServesEveryRecord() throws Exception {
        String schemaUrl = PostgresTestDatabase.freshSchemaUrl(PostgresDumpRestoreTest.class);
        String schema = "t_" + PostgresDumpRestoreTest.class.getSimpleName().toLowerCase();
        String partner = UUID.randomUUID().toString();
        List<String> callSids = new ArrayList<>();
        try (Services services = Services.open(null, schemaUrl, CLOCK)) {
            services.storage().partners().create(new Partner(partner, "Acme", null, Partner.ACTIVE, CLOCK.instant()));
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                String sid = UUID.randomUUID().toString();
                callSids.add(sid);
                ndjson.append(record(sid, partner)).append('\n');
            }
            IngestReport report = services.ingestor().ingest(Caller.operator(), BodyFormat.NDJSON,
                    new ByteArrayInputStream(ndjson.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(report.accepted()).isEqualTo(50);
        }

        Connection source = Connection.of(PostgresTestDatabase.baseUrl());
        Path dump = dir.resolve("confcdr.dump");
        run("pg_dump", "--host", source.host, "--port", source.port, "--username", source.user,
                "--format", "custom", "--schema", schema, "--file", dump.toString(), source.database);

        String restoredDatabase = "confcdr_restore_" + UUID.randomUUID().toString().substring(0, 8);
        try (var admin = DriverManager.getConnection(PostgresTestDatabase.baseUrl())) {
            admin.createStatement().execute("CREATE DATABASE " + restoredDatabase);
        }
        try {
            run("pg_restore", "--host", source.host, "--port", source.port, "--username", source.user,
                    "--no-owner", "--exit-on-error", "--dbname", restoredDatabase, dump.toString());
            run("vacuumdb", "--host", source.host, "--port", source.port, "--username", source.user,
                    "--analyze-only", "--dbname", restoredDatabase);
            String restoredUrl = PostgresTestDatabase.withSchema(
                    "jdbc:postgresql://" + source.host + ":" + source.port + "/" + restoredDatabase + "?user=" + source.user,
                    schema);
            try (Services restored = Services.open(null, restoredUrl, CLOCK)) {
                for (String sid : callSids) {
                    assertThat(restored.storage().cdrs().find(sid, Visibility.of(partner))).as(sid).isPresent();
                }
                assertThat(restored.storage().partners().find(partner)).isPresent();
            }
        } finally {
            try (var admin = DriverManager.getConnection(PostgresTestDatabase.baseUrl())) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + restoredDatabase + " WITH (FORCE)");
            }
        }
    }

    private record Connection(String host, String port, String user, String database) {
        static Connection of(String jdbcUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String user = "postgres";
            for (String parameter : uri.getQuery() == null ? new String[0] : uri.getQuery().split("&")) {
                if (parameter.startsWith("user=")) {
                    user = parameter.substring("user=".length());
                }
            }
            return new Connection(uri.getHost(), String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), user,
                    uri.getPath().substring(1));
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }

    private static String record(String callSid, String partner) {
        return "{\"call_sid\":\"" + callSid + "\",\"partner_sid\":\"" + partner + "\",\"date_start\":\"2024-12-14T10:03:14Z\","
                + "\"date_join\":\"2024-12-14T10:03:30Z\",\"date_disconnected\":\"2024-12-14T10:04:04Z\","
                + "\"date_stop\":\"2024-12-14T10:04:04Z\",\"role\":\"host\",\"direction\":\"inbound\","
                + "\"number_src\":\"+17605692222\",\"address_src\":\"<sip:+17605692222@12.34.56.78>\",\"disconnect_cause\":16}";
    }
}
