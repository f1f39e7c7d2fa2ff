package io.confcdr.config;

/**
 * A configuration that cannot be used: an unknown key, a value of the wrong type, options that conflict.
 * The message is one sentence saying which setting, where it came from, and what to write instead; the CLI
 * prints it as its one error line (exit 2).
 */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
