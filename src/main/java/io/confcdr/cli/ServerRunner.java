package io.confcdr.cli;

import io.confcdr.api.ApiServer;
import io.confcdr.boot.Services;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a started server running until the process is asked to stop (SIGTERM, Ctrl-C), then closes
 * the server before the services so that no request is cut off from its database.
 */
final class ServerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRunner.class);

    private ServerRunner() {
    }

    static void runUntilStopped(ApiServer server, Services services) throws InterruptedException {
        runUntilStopped(server, services, () -> {
        });
    }

    /** @param afterStop runs once the server and the services are closed (the demo removes its store) */
    static void runUntilStopped(ApiServer server, Services services, Runnable afterStop) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                try {
                    services.close();
                    afterStop.run();
                } finally {
                    LOG.info("confcdr stopped");
                    stopped.countDown();
                }
            }
        }, "confcdr-shutdown"));
        stopped.await();
    }

    /**
     * The URL a user on this machine can reach, with the scheme actually served; a configured public URL
     * (a proxy's) is named beside it, never in its place, so the log does not claim HTTPS for plain HTTP.
     */
    static String displayUrl(String host, int port, boolean secure, String publicUrl) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        String url = (secure ? "https" : "http") + "://" + shown + ":" + port;
        return publicUrl == null || publicUrl.isBlank() ? url : url + " (public URL " + publicUrl + ")";
    }
}
