package io.confcdr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serve --print-config}: every setting with its origin, and no password of the database URL. */
class ConfigPrinterTest {

    @Test
    void aPasswordInTheDatabaseUrlIsMasked() {
        assertThat(ConfigPrinter.maskedUrl("jdbc:postgresql://db:5432/cdr?user=confcdr&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/cdr?user=confcdr&password=****&ssl=true");
        assertThat(ConfigPrinter.maskedUrl("jdbc:postgresql://confcdr:s3cret@db/cdr"))
                .isEqualTo("jdbc:postgresql://confcdr:****@db/cdr");
    }

    @Test
    void everySettingIsPrintedWithWhereItCameFrom() {
        ServeConfig config = ConfigLoader.load(null, name -> name.equals("CONFCDR_DB")
                ? "jdbc:postgresql://db/cdr?password=s3cret" : null, Map.of(Setting.PORT, "9000"));

        String printed = String.join("\n", ConfigPrinter.lines(config));

        assertThat(printed).contains("[listen]", "port = 9000  # flag --port", "host = \"0.0.0.0\"  # default",
                "db = \"jdbc:postgresql://db/cdr?password=****\"  # env CONFCDR_DB");
        assertThat(printed).doesNotContain("s3cret");
        for (Setting setting : Setting.values()) {
            assertThat(printed).contains(setting.key().substring(setting.key().indexOf('.') + 1) + " = ");
        }
    }
}
