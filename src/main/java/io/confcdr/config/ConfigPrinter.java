package io.confcdr.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code serve --print-config}: the effective settings as a TOML file an operator could keep, each line
 * commented with where its value came from. A password in the database URL is masked; the paths of the TLS
 * files are shown (they are not secrets, the key inside is never read here).
 */
public final class ConfigPrinter {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private ConfigPrinter() {
    }

    public static List<String> lines(ServeConfig config) {
        List<String> lines = new ArrayList<>();
        lines.add("# confcdr serve: effective configuration (flags > CONFCDR_* variables > file > defaults)");
        String table = "";
        for (Setting s : Setting.values()) {
            String value = value(config, s);
            String settingTable = s.key().substring(0, s.key().indexOf('.'));
            if (!settingTable.equals(table)) {
                table = settingTable;
                lines.add("");
                lines.add("[" + table + "]");
            }
            String name = s.key().substring(s.key().indexOf('.') + 1);
            String line = value == null ? "# " + name + " = (not set)" : name + " = " + value;
            lines.add(line + "  # " + config.origin(s).describe());
        }
        return lines;
    }

    /** {@code jdbc:postgresql://h/db?user=u&password=secret} with the password replaced by {@code ****}. */
    public static String maskedUrl(String jdbcUrl) {
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }

    private static String value(ServeConfig c, Setting s) {
        return switch (s) {
            case HOST -> quoted(c.host());
            case PORT -> Integer.toString(c.port());
            case PUBLIC_URL -> c.publicUrl() == null ? null : quoted(c.publicUrl());
            case TRUSTED_PROXIES -> c.trustedProxies().isEmpty() ? null
                    : c.trustedProxies().stream().map(p -> quoted(p.toString())).collect(Collectors.joining(", ", "[", "]"));
            case TLS_CERTIFICATE -> c.tls() == null ? null : quoted(c.tls().certificate().toString());
            case TLS_PRIVATE_KEY -> c.tls() == null ? null : quoted(c.tls().privateKey().toString());
            case TLS_REDIRECT_PORT -> c.tls() == null || c.tls().redirectPort() == null ? null
                    : c.tls().redirectPort().toString();
            case DATA -> c.dataDir() == null ? null : quoted(c.dataDir().toString());
            case DB -> c.dbUrl() == null ? null : quoted(maskedUrl(c.dbUrl()));
            case POOL_SIZE -> c.poolSize() == 0 ? null : Integer.toString(c.poolSize());
            case RATE_PER_SECOND -> number(c.ratePerSecond());
            case RATE_BURST -> Integer.toString(c.rateBurst());
            case BODY_BYTES -> Long.toString(c.maxBodyBytes());
            case RECORDS_PER_BATCH -> Integer.toString(c.maxRecordsPerBatch());
            case REQUEST_DEADLINE_SECONDS -> Integer.toString(c.requestDeadlineSeconds());
            case LOG_FORMAT -> quoted(c.logFormat().name().toLowerCase(java.util.Locale.ROOT));
            case LOG_LEVEL -> quoted(c.logLevel());
            case ALLOW_PRIVATE_WEBHOOKS -> Boolean.toString(c.allowPrivateWebhooks());
            case WEBHOOK_LEASE_SECONDS -> Integer.toString(c.webhookLeaseSeconds());
            case RETENTION_INTERVAL_MINUTES -> Integer.toString(c.retentionIntervalMinutes());
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
