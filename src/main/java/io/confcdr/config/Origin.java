package io.confcdr.config;

/**
 * Where the effective value of a setting came from. Layers later in the declaration win: a flag over an
 * environment variable over the configuration file over the default.
 */
public record Origin(Layer layer, String detail) {

    public enum Layer {
        DEFAULT, FILE, ENV, FLAG
    }

    static final Origin DEFAULT = new Origin(Layer.DEFAULT, "default");

    static Origin file(String path) {
        return new Origin(Layer.FILE, path);
    }

    static Origin env(String name) {
        return new Origin(Layer.ENV, name);
    }

    static Origin flag(String name) {
        return new Origin(Layer.FLAG, name);
    }

    /** As {@code serve --print-config} shows it: {@code default}, {@code file confcdr.toml}, {@code env CONFCDR_PORT}. */
    public String describe() {
        return layer == Layer.DEFAULT ? "default" : layer.name().toLowerCase(java.util.Locale.ROOT) + " " + detail;
    }
}
