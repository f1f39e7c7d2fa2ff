package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Gzip that starts well and breaks inside the stream (a corrupt block, a cut-off end), found by the live
 * fuzzer as 500s: the failure surfaces while the records are read, not when the stream is opened.
 */
class CorruptGzipIngestTest extends AbstractApiTest {

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    @Test
    void gzipCorruptInsideTheStreamIs400AndStoresNothingForEitherMediaType() throws Exception {
        String records = ndjson(List.of(Calls.leg(1, ACME), Calls.leg(2, ACME), Calls.leg(3, ACME)));
        byte[] array = gzip(("[" + String.join(",", records.strip().split("\n")) + "]").getBytes(StandardCharsets.UTF_8));
        byte[] lines = gzip(records.getBytes(StandardCharsets.UTF_8));
        for (String contentType : List.of("application/json", "application/x-ndjson")) {
            byte[] zipped = contentType.equals("application/json") ? array : lines;
            byte[] corrupt = zipped.clone();
            for (int i = 12; i < corrupt.length - 8; i += 7) {
                corrupt[i] ^= 0x5a;
            }
            byte[] cut = Arrays.copyOf(zipped, zipped.length / 2);
            for (byte[] body : List.of(corrupt, cut)) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/ingest/v1/conference/calls")))
                        .header("Authorization", "Bearer " + acmeIngest).header("Content-Type", contentType)
                        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

                assertThat(response.statusCode()).as(contentType + ": " + response.body()).isEqualTo(400);
                assertThat(json(response).get("message").stringValue()).isEqualTo("Bad request");
            }
        }
        assertThat(listedCallSids(acmeReader)).isEmpty();
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
