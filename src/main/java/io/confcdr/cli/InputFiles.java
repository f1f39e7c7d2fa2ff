package io.confcdr.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a command's input: a file, or stdin for {@code -} (which is then not closed). */
final class InputFiles {

    private InputFiles() {
    }

    static InputStream open(String name, CliContext context) {
        if (name.equals("-")) {
            return new FilterInputStream(context.in()) {
                @Override
                public void close() {
                    // stdin belongs to the process
                }
            };
        }
        if (Files.isDirectory(Path.of(name))) {
            // Opening a directory succeeds on Linux; only the first read would fail, without the name.
            throw CliException.usage("cannot read " + name + ": it is a directory");
        }
        try {
            return Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw CliException.usage("no such file: " + name);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + name + ": " + e.getMessage());
        }
    }
}
