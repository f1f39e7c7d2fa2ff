package io.confcdr.cli;

import io.confcdr.config.ServeConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** The PEM files of TLS checked before the store is opened: a wrong path is the commonest mistake. */
final class TlsFiles {

    private TlsFiles() {
    }

    static void requireReadable(ServeConfig.Tls tls) {
        requireReadable(tls.certificate(), "certificate", "--tls-certificate");
        requireReadable(tls.privateKey(), "private key", "--tls-private-key");
    }

    private static void requireReadable(Path file, String what, String flag) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw CliException.usage("cannot read the TLS " + what + " " + file
                    + ": it does not exist or is not a readable file; check " + flag);
        }
    }
}
