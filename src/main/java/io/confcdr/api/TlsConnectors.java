package io.confcdr.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS for the API: a Jetty connector whose key store is built from the PEM files, and which takes the
 * files again when they change (a renewal by certbot or a secret mount swapped) or on {@link #reload()}
 * (SIGHUP). The files are polled every second, which sees a replaced symlink as well as a rewritten file; connections
 * already open keep the certificate they were opened with. A reload that fails (a half-written file) keeps
 * the certificate in use and is tried again at the next change.
 */
final class TlsConnectors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsConnectors.class);
    static final long POLL_MILLIS = 1_000;

    private final ApiConfig.Tls tls;
    private final SslContextFactory.Server ssl = new SslContextFactory.Server();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "confcdr-tls-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String loadedVersion;
    /** The files' version whose reload failed, warned about once; tried again at every poll until it works. */
    private volatile String failedVersion;

    /** @throws IllegalArgumentException when the files cannot be read or do not hold a certificate and its key */
    TlsConnectors(ApiConfig.Tls tls) {
        this.tls = tls;
        ssl.setKeyStore(PemKeyStore.load(tls.certificate(), tls.privateKey()));
        ssl.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
        ssl.setKeyManagerPassword(new String(PemKeyStore.PASSWORD));
        ssl.setSniRequired(false);
        loadedVersion = version();
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The HTTPS connector on {@code host:port}, HTTP/1.1 inside TLS. */
    ServerConnector https(Server server, HttpConfiguration shared, String host, int port) {
        var config = new HttpConfiguration(shared);
        var secure = new SecureRequestCustomizer();
        // Clients reach the server by IP address or by names the certificate may not list; TLS still verifies.
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        var connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** A plain HTTP connector; every request on it is redirected to HTTPS by {@link HttpsRedirect}. */
    static ServerConnector plain(Server server, HttpConfiguration shared, String host, int port) {
        var connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration(shared)));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Takes the certificate and key from the files now. */
    void reload() {
        String version = version();
        try {
            var store = PemKeyStore.load(tls.certificate(), tls.privateKey());
            ssl.reload(factory -> factory.setKeyStore(store));
            loadedVersion = version;
            failedVersion = null;
            LOG.info("TLS certificate reloaded from {}", tls.certificate());
        } catch (Exception e) {
            if (!version.equals(failedVersion)) {
                LOG.warn("TLS certificate not reloaded, the one in use stays: {}", e.getMessage());
            }
            failedVersion = version;
        }
    }

    private void reloadIfChanged() {
        if (!version().equals(loadedVersion)) {
            reload();
        }
    }

    /**
     * The content of both files, hashed: a few kilobytes read each poll. Modification times alone miss a
     * file replaced within the same millisecond by one of the same size (a renewal by a script).
     */
    private String version() {
        return digest(tls.certificate()) + "|" + digest(tls.privateKey());
    }

    private static String digest(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            return "unreadable";
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
