package io.confcdr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flags over {@code CONFCDR_*} variables over the TOML file over defaults, and every way a configuration
 * can be wrong: an unknown key, a value of the wrong type or out of range, settings that conflict.
 */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private Path file(String toml) throws Exception {
        return Files.writeString(dir.resolve("confcdr.toml"), toml);
    }

    private ServeConfig load(Path file, Map<Setting, String> flags) {
        return ConfigLoader.load(file, env::get, flags);
    }

    @Test
    void withNothingGivenTheDefaultsApply() {
        ServeConfig config = load(null, Map.of());

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.dbUrl()).isNull();
        assertThat(config.tls()).isNull();
        assertThat(config.maxRecordsPerBatch()).isEqualTo(10_000);
        assertThat(config.logFormat()).isEqualTo(ServeConfig.LogFormat.TEXT);
        assertThat(config.origin(Setting.PORT).describe()).isEqualTo("default");
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
        Path file = file("""
                [listen]
                port = 9001
                host = "127.0.0.1"
                [limits]
                rate_burst = 7
                records_per_batch = 500
                """);
        env.put("CONFCDR_PORT", "9002");
        env.put("CONFCDR_HOST", "127.0.0.2");

        ServeConfig config = load(file, Map.of(Setting.PORT, "9003"));

        assertThat(config.port()).isEqualTo(9003);
        assertThat(config.origin(Setting.PORT).describe()).isEqualTo("flag --port");
        assertThat(config.host()).isEqualTo("127.0.0.2");
        assertThat(config.origin(Setting.HOST).describe()).isEqualTo("env CONFCDR_HOST");
        assertThat(config.rateBurst()).isEqualTo(7);
        assertThat(config.origin(Setting.RATE_BURST).describe()).isEqualTo("file " + file);
        assertThat(config.maxRecordsPerBatch()).isEqualTo(500);
        assertThat(config.ratePerSecond()).isEqualTo(300);
    }

    @Test
    void theFileCanBeNamedByTheEnvironment() throws Exception {
        env.put("CONFCDR_CONFIG", file("[log]\nformat = \"json\"\n").toString());

        assertThat(load(null, Map.of()).logFormat()).isEqualTo(ServeConfig.LogFormat.JSON);
    }

    @Test
    void aStoreNamedByAFlagReplacesOneNamedInTheEnvironment() {
        env.put("CONFCDR_DB", "jdbc:postgresql://127.0.0.1/x");

        ServeConfig config = load(null, Map.of(Setting.DATA, dir.toString()));

        assertThat(config.dataDir()).isEqualTo(dir);
        assertThat(config.dbUrl()).isNull();
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorNamingIt() throws Exception {
        Path file = file("[listen]\nprot = 8080\n");

        assertThatThrownBy(() -> load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("unknown key 'listen.prot' in " + file
                        + "; the keys are those of packaging/confcdr.example.toml (serve --print-config lists them)");
    }

    @Test
    void anUnknownTableIsAnError() throws Exception {
        Path file = file("[metrics]\nenabled = true\n");

        assertThatThrownBy(() -> load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown key 'metrics.enabled' in ");
    }

    @Test
    void aValueOfTheWrongTypeInTheFileIsAnError() throws Exception {
        Path file = file("[listen]\nport = \"8080\"\n");

        assertThatThrownBy(() -> load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("listen.port in " + file + " must be a whole number without quotes");
    }

    @Test
    void aFileThatIsNotTomlIsAnError() throws Exception {
        Path file = file("listen: {port: 8080}\n");

        assertThatThrownBy(() -> load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " is not valid TOML: ");
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = dir.resolve("nope.toml");

        assertThatThrownBy(() -> load(missing, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("cannot read the configuration file " + missing
                        + ": it does not exist or is not a readable file; check the path given to --config");
    }

    @Test
    void aBadValueNamesTheSettingWhereItWasGiven() {
        env.put("CONFCDR_PORT", "eighty");

        assertThatThrownBy(() -> load(null, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("CONFCDR_PORT must be a whole number from 0 to 65535, not 'eighty'");
        env.clear();
        assertThatThrownBy(() -> load(null, Map.of(Setting.LOG_FORMAT, "xml"))).isInstanceOf(ConfigException.class)
                .hasMessage("--log-format must be text or json, not 'xml'");
        assertThatThrownBy(() -> load(null, Map.of(Setting.TRUSTED_PROXIES, "10.0.0.0/33")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--trusted-proxy: '10.0.0.0/33' is not an address block; write one such as 10.0.0.0/8,"
                        + " 192.168.1.10 or ::1/128");
    }

    @Test
    void theRequestDeadlineIsThirtySecondsUnlessSetAndFromOneSecondToAnHour() throws Exception {
        assertThat(load(null, Map.of()).requestDeadlineSeconds()).isEqualTo(30);
        Path file = file("[limits]\nrequest_deadline_seconds = 5\n");
        assertThat(load(file, Map.of()).requestDeadlineSeconds()).isEqualTo(5);
        env.put("CONFCDR_REQUEST_DEADLINE", "7");
        assertThat(load(file, Map.of()).requestDeadlineSeconds()).isEqualTo(7);
        assertThat(load(file, Map.of(Setting.REQUEST_DEADLINE_SECONDS, "9")).requestDeadlineSeconds()).isEqualTo(9);
        assertThatThrownBy(() -> load(null, Map.of(Setting.REQUEST_DEADLINE_SECONDS, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--request-deadline must be a whole number from 1 to 3600, not '0'");
        env.put("CONFCDR_REQUEST_DEADLINE", "3601");
        assertThatThrownBy(() -> load(null, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("CONFCDR_REQUEST_DEADLINE must be a whole number from 1 to 3600, not '3601'");
    }

    @Test
    void dataAndDbAtTheSameLevelConflict() throws Exception {
        Path file = file("[store]\ndata = \"/var/lib/confcdr\"\ndb = \"jdbc:postgresql://h/x\"\n");

        assertThatThrownBy(() -> load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("store.data in " + file + " and store.db in " + file
                        + " name two stores; give one: data for the embedded store, db for PostgreSQL");
    }

    @Test
    void aCertificateWithoutItsKeyConflicts() {
        assertThatThrownBy(() -> load(null, Map.of(Setting.TLS_CERTIFICATE, "/etc/cert.pem")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--tls-certificate is set without --tls-private-key (tls.private_key); HTTPS needs both"
                        + " the certificate chain and its private key, as PEM files");
    }

    @Test
    void aRedirectPortWithoutTlsConflicts() {
        assertThatThrownBy(() -> load(null, Map.of(Setting.TLS_REDIRECT_PORT, "8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--redirect-http-port redirects plain HTTP to HTTPS, which needs --tls-certificate"
                        + " and --tls-private-key");
    }

    @Test
    void theExampleConfigurationOfThePackagingParsesAndSaysWhatItShows() {
        Path example = Path.of("packaging/confcdr.example.toml");

        ServeConfig config = load(example, Map.of());

        assertThat(config.port()).isEqualTo(8443);
        assertThat(config.tls()).isNotNull();
        assertThat(config.trustedProxies()).isNotEmpty();
        assertThat(config.logFormat()).isEqualTo(ServeConfig.LogFormat.JSON);
        for (Setting setting : Setting.values()) {
            assertThat(readText(example)).as("the example documents %s", setting.key())
                    .contains(setting.key().substring(setting.key().indexOf('.') + 1));
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
