package io.confcdr.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves {@link ServeConfig}: for each setting the flag if given, else its {@code CONFCDR_*} variable,
 * else the configuration file, else the default. The store is one choice: the highest layer naming
 * {@code data} or {@code db} decides, and one layer naming both is a conflict rather than a silent pick.
 * Variables of other names, even with the prefix, are not this loader's (tests and tools use some).
 */
public final class ConfigLoader {

    /** The variable naming the configuration file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "CONFCDR_CONFIG";

    private ConfigLoader() {
    }

    /**
     * @param configFile the file of {@code --config}, or null (then {@code CONFCDR_CONFIG}, or no file)
     * @param env an environment variable's value, null when unset
     * @param flags the flags given on the command line, as text
     * @throws ConfigException for an unknown key, a bad value or conflicting settings
     */
    public static ServeConfig load(Path configFile, UnaryOperator<String> env, Map<Setting, String> flags) {
        Path file = configFile != null ? configFile : blankToNull(env.apply(CONFIG_ENV)) == null ? null
                : Path.of(env.apply(CONFIG_ENV));
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(Origin.Layer.FLAG, flags, s -> Origin.flag(s.flag())));
        Map<Setting, String> envValues = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String value = blankToNull(env.apply(s.env()));
            if (value != null) {
                envValues.put(s, value);
            }
        }
        layers.add(new Layer(Origin.Layer.ENV, envValues, s -> Origin.env(s.env())));
        if (file != null) {
            String shown = file.toString();
            layers.add(new Layer(Origin.Layer.FILE, ConfigFile.read(file), s -> Origin.file(shown)));
        }
        return new Resolution(layers).config();
    }

    private record Layer(Origin.Layer layer, Map<Setting, String> values,
            java.util.function.Function<Setting, Origin> origin) {
    }

    /** The chosen text of each setting and its origin, then typed. */
    private static final class Resolution {
        private final Map<Setting, String> chosen = new EnumMap<>(Setting.class);
        private final Map<Setting, Origin> origins = new EnumMap<>(Setting.class);

        Resolution(List<Layer> highestFirst) {
            for (Setting s : Setting.values()) {
                if (s == Setting.DATA || s == Setting.DB) {
                    continue;
                }
                choose(s, highestFirst);
            }
            chooseStore(highestFirst);
        }

        private void choose(Setting s, List<Layer> highestFirst) {
            for (Layer layer : highestFirst) {
                String value = layer.values().get(s);
                if (value != null) {
                    chosen.put(s, value);
                    origins.put(s, layer.origin().apply(s));
                    return;
                }
            }
            if (s.defaultValue() != null) {
                chosen.put(s, s.defaultValue());
                origins.put(s, Origin.DEFAULT);
            }
        }

        private void chooseStore(List<Layer> highestFirst) {
            for (Layer layer : highestFirst) {
                String data = layer.values().get(Setting.DATA);
                String db = layer.values().get(Setting.DB);
                if (data != null && db != null) {
                    Origin d = layer.origin().apply(Setting.DATA);
                    Origin b = layer.origin().apply(Setting.DB);
                    throw new ConfigException(Setting.DATA.named(d) + " and " + Setting.DB.named(b)
                            + " name two stores; give one: data for the embedded store, db for PostgreSQL");
                }
                Setting named = data != null ? Setting.DATA : db != null ? Setting.DB : null;
                if (named != null) {
                    chosen.put(named, layer.values().get(named));
                    origins.put(named, layer.origin().apply(named));
                    return;
                }
            }
            chosen.put(Setting.DATA, Setting.DATA.defaultValue());
            origins.put(Setting.DATA, Origin.DEFAULT);
        }

        ServeConfig config() {
            int port = port(Setting.PORT);
            ServeConfig.Tls tls = tls(port);
            String db = chosen.get(Setting.DB);
            return new ServeConfig(
                    text(Setting.HOST),
                    port,
                    chosen.get(Setting.PUBLIC_URL),
                    proxies(),
                    tls,
                    db == null ? Path.of(text(Setting.DATA)) : null,
                    db,
                    (int) count(Setting.POOL_SIZE, 0, 1, 1_000),
                    decimal(Setting.RATE_PER_SECOND),
                    (int) count(Setting.RATE_BURST, 0, 1, Integer.MAX_VALUE),
                    count(Setting.BODY_BYTES, 0, 1, Long.MAX_VALUE),
                    (int) count(Setting.RECORDS_PER_BATCH, 0, 1, Integer.MAX_VALUE),
                    (int) count(Setting.REQUEST_DEADLINE_SECONDS, 30, 1, 3_600),
                    ServeConfig.LogFormat.parse(text(Setting.LOG_FORMAT), named(Setting.LOG_FORMAT)),
                    level(),
                    flag(Setting.ALLOW_PRIVATE_WEBHOOKS),
                    // Renewed every 1.5 s: a shorter lease would be lost to a busy moment and handed to another process.
                    (int) count(Setting.WEBHOOK_LEASE_SECONDS, 25, 5, 3_600),
                    (int) count(Setting.RETENTION_INTERVAL_MINUTES, 10, 1, 60),
                    origins);
        }

        private ServeConfig.Tls tls(int port) {
            String certificate = chosen.get(Setting.TLS_CERTIFICATE);
            String key = chosen.get(Setting.TLS_PRIVATE_KEY);
            Integer redirect = chosen.containsKey(Setting.TLS_REDIRECT_PORT) ? port(Setting.TLS_REDIRECT_PORT) : null;
            if ((certificate == null) != (key == null)) {
                Setting given = certificate == null ? Setting.TLS_PRIVATE_KEY : Setting.TLS_CERTIFICATE;
                Setting missing = certificate == null ? Setting.TLS_CERTIFICATE : Setting.TLS_PRIVATE_KEY;
                throw new ConfigException(named(given) + " is set without " + missing.flag() + " (" + missing.key()
                        + "); HTTPS needs both the certificate chain and its private key, as PEM files");
            }
            if (certificate == null) {
                if (redirect != null) {
                    throw new ConfigException(named(Setting.TLS_REDIRECT_PORT) + " redirects plain HTTP to HTTPS,"
                            + " which needs " + Setting.TLS_CERTIFICATE.flag() + " and " + Setting.TLS_PRIVATE_KEY.flag());
                }
                return null;
            }
            if (redirect != null && redirect != 0 && redirect == port) {
                throw new ConfigException(named(Setting.TLS_REDIRECT_PORT) + " and " + named(Setting.PORT)
                        + " are both " + port + "; the plain HTTP redirect needs a port of its own");
            }
            return new ServeConfig.Tls(Path.of(certificate), Path.of(key), redirect);
        }

        private List<Cidr> proxies() {
            String text = chosen.get(Setting.TRUSTED_PROXIES);
            if (text == null) {
                return List.of();
            }
            try {
                return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(Cidr::parse).toList();
            } catch (ConfigException e) {
                throw new ConfigException(named(Setting.TRUSTED_PROXIES) + ": " + e.getMessage());
            }
        }

        private String level() {
            String level = text(Setting.LOG_LEVEL).strip().toUpperCase(Locale.ROOT);
            if (!ServeConfig.LEVELS.contains(level)) {
                throw new ConfigException(named(Setting.LOG_LEVEL) + " must be one of ERROR, WARN, INFO, DEBUG,"
                        + " TRACE or OFF, not '" + text(Setting.LOG_LEVEL) + "'");
            }
            return level;
        }

        private String text(Setting s) {
            return chosen.get(s);
        }

        private String named(Setting s) {
            return s.named(origins.getOrDefault(s, Origin.DEFAULT));
        }

        private int port(Setting s) {
            return (int) count(s, 0, 0, 65_535);
        }

        /** A whole number in [min, max]; {@code unset} when the setting has no value. */
        private long count(Setting s, long unset, long min, long max) {
            String text = chosen.get(s);
            if (text == null) {
                return unset;
            }
            try {
                long value = Long.parseLong(text.strip().replace("_", ""));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the message below says what is wanted
            }
            throw new ConfigException(named(s) + " must be a whole number from " + min + " to " + max
                    + ", not '" + text + "'");
        }

        private double decimal(Setting s) {
            String text = chosen.get(s);
            try {
                double value = Double.parseDouble(text.strip());
                if (value > 0 && Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the message below says what is wanted
            }
            throw new ConfigException(named(s) + " must be a number above 0, not '" + text + "'");
        }

        private boolean flag(Setting s) {
            return switch (text(s).strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigException(named(s) + " must be true or false, not '" + text(s) + "'");
            };
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
