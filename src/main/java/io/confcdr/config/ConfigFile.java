package io.confcdr.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The optional TOML file of {@code serve --config}: tables ({@code [listen]}, {@code [tls]}, {@code [store]},
 * {@code [limits]}, {@code [log]}, {@code [webhooks]}) of the keys {@link Setting} declares. A key it does not
 * declare is an error rather than ignored, so a typo cannot silently leave a default in force.
 */
final class ConfigFile {

    private static final TomlMapper TOML = new TomlMapper();

    private ConfigFile() {
    }

    /** @return each setting the file gives, as text */
    static Map<Setting, String> read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException("cannot read the configuration file " + file
                    + ": it does not exist or is not a readable file; check the path given to --config");
        }
        JsonNode root;
        try {
            root = TOML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not valid TOML: " + e.getOriginalMessage()
                    .lines().findFirst().orElse("a syntax error"));
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        root.properties().forEach(table -> {
            if (!table.getValue().isObject()) {
                throw unknown(file, table.getKey());
            }
            table.getValue().properties().forEach(entry -> {
                String key = table.getKey() + "." + entry.getKey();
                Setting setting = Setting.byKey(key).orElseThrow(() -> unknown(file, key));
                values.put(setting, text(file, setting, entry.getValue()));
            });
        });
        return values;
    }

    private static ConfigException unknown(Path file, String key) {
        return new ConfigException("unknown key '" + key + "' in " + file
                + "; the keys are those of packaging/confcdr.example.toml (serve --print-config lists them)");
    }

    private static String text(Path file, Setting setting, JsonNode value) {
        String where = setting.key() + " in " + file;
        return switch (setting.kind()) {
            case TEXT -> {
                require(value.isString(), where, "a string in quotes");
                yield value.stringValue();
            }
            case PORT, COUNT -> {
                require(value.isIntegralNumber(), where, "a whole number without quotes");
                yield value.asString();
            }
            case DECIMAL -> {
                require(value.isNumber(), where, "a number without quotes");
                yield value.asString();
            }
            case FLAG -> {
                require(value.isBoolean(), where, "true or false");
                yield value.asString();
            }
            case LIST -> {
                require(value.isArray(), where, "a list of strings such as [\"10.0.0.0/8\"]");
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    require(item.isString(), where, "a list of strings such as [\"10.0.0.0/8\"]");
                    items.add(item.stringValue());
                }
                yield String.join(",", items);
            }
        };
    }

    private static void require(boolean ok, String where, String expected) {
        if (!ok) {
            throw new ConfigException(where + " must be " + expected);
        }
    }
}
