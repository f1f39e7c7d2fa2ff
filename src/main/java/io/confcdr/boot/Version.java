package io.confcdr.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * confcdr's version, from one source: the pom's {@code <version>}, written by Maven's resource filtering into
 * {@code version.properties} beside this class (so tests run from {@code target/classes} see it too) and by
 * the shade plugin into the jar manifest's {@code Implementation-Version}. {@code --version}, {@code /health}
 * and the served OpenAPI document's {@code info.version} all read it here.
 */
public final class Version {

    private static final String CURRENT = load();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                var properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank() && !version.startsWith("${")) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String manifest = Version.class.getPackage().getImplementationVersion();
        return manifest == null ? "development build" : manifest;
    }
}
