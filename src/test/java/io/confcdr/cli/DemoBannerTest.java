package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoBannerTest {

    private static String banner() {
        var loaded = new DemoData.Loaded(20_000, 0, "a759ea27-d472-4622-8600-0000000001ea",
                Instant.parse("2024-12-07T00:10:00Z"), Instant.parse("2024-12-14T09:50:00Z"), "READ-SECRET",
                "INGEST-SECRET", "MANAGE-SECRET");
        var text = new StringWriter();
        DemoCommand.printBanner(new PrintWriter(text), "http://localhost:8080", Path.of("/tmp/confcdr-demo-1"), loaded,
                LocalDate.parse("2024-12-14"));
        return text.toString();
    }

    @Test
    void showsTheUrlAndBothTokens() {
        assertThat(banner()).contains("API           http://localhost:8080", "read token    READ-SECRET",
                "ingest token  INGEST-SECRET");
    }

    @Test
    void offersAListFilteredOnTheGeneratedRangeAndAGetOfARealCall() {
        assertThat(banner())
                .contains("curl -sG 'http://localhost:8080/core/v2/app/conference/calls' -H 'Authorization: Bearer READ-SECRET'")
                .contains("--data-urlencode 'filter=date_stop ge 2024-12-10T17:00:00Z' --data-urlencode 'limit=5'")
                .contains("curl -s 'http://localhost:8080/core/v2/app/conference/calls/a759ea27-d472-4622-8600-0000000001ea'");
    }
}
