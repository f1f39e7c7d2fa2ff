package io.confcdr.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a command's input: a file, or stdin for {@code -} (which is then not closed). Gzip input is
 * recognised by its first two bytes, whatever the name, on stdin too, and read inflated.
 */
final class InputFiles {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private InputFiles() {
    }

    static InputStream open(String name, CliContext context) {
        InputStream raw;
        if (name.equals("-")) {
            raw = new FilterInputStream(context.in()) {
                @Override
                public void close() {
                    // stdin belongs to the process
                }
            };
        } else {
            raw = openFile(name);
        }
        try {
            return inflatedIfGzip(raw, name.equals("-") ? "stdin" : name);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + name + ": " + StorageOptions.reason(e));
        }
    }

    private static InputStream openFile(String name) {
        if (Files.isDirectory(Path.of(name))) {
            // Opening a directory succeeds on Linux; only the first read would fail, without the name.
            throw CliException.usage("cannot read " + name + ": it is a directory");
        }
        try {
            return Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw CliException.usage("no such file: " + name);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + name + ": " + StorageOptions.reason(e));
        }
    }

    private static InputStream inflatedIfGzip(InputStream raw, String what) throws IOException {
        var in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first != GZIP_MAGIC_1 || second != GZIP_MAGIC_2) {
            return in;
        }
        return new DamageReported(new GZIPInputStream(in, 64 * 1024), what);
    }

    /** Damaged or cut-short gzip data is the input's fault: a usage error naming it, not an I/O failure. */
    private static final class DamageReported extends FilterInputStream {
        private final String what;

        DamageReported(InputStream in, String what) {
            super(in);
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
        }

        private CliException damaged(IOException e) {
            String detail = e instanceof EOFException ? "it ends before the compressed data does" : e.getMessage();
            return CliException.usage("cannot read " + what + ": the gzip data is damaged (" + detail + ")");
        }
    }
}
