package io.confcdr.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Closes an HTTP/1 connection whose request line and headers do not arrive in time. Jetty has an idle
 * timeout only, which a client sending a byte every few seconds never triggers: a few thousand such
 * clients hold as many connections open indefinitely (slowloris).
 *
 * <p>The first request has the deadline from the moment the connection opened. A later request on a
 * kept-alive connection is checked once per deadline: it is closed when two checks in a row find the
 * same request still incomplete, so it had at least one deadline and at most two from its first byte.
 * An idle connection between requests is left to the idle timeout. Nothing is answered: a client this
 * slow is not reading either.
 */
final class HeaderDeadline implements Connection.Listener {

    private final long deadlineMillis;

    private HeaderDeadline(Duration deadline) {
        this.deadlineMillis = deadline.toMillis();
    }

    /** Watches every connection of every connector the server starts with. */
    static void install(Server server, Duration deadline) {
        var listener = new HeaderDeadline(deadline);
        // Javalin adds its connector after configuring the server, just before starting it.
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    connector.addEventListener(listener);
                }
            }
        });
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            new Watch(http).schedule();
        }
    }

    /** One connection's checks, one per deadline until it closes; runs on the connector's scheduler. */
    private final class Watch implements Runnable {

        private final HttpConnection connection;
        /** Requests completed when the previous check found one incomplete; the first counts from the open. */
        private long incompleteAt = 0;

        Watch(HttpConnection connection) {
            this.connection = connection;
        }

        void schedule() {
            connection.getConnector().getScheduler().schedule(this, deadlineMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            // A request is counted once its headers are complete; the parser state is volatile.
            long completed = connection.getMessagesIn();
            boolean incomplete = completed == 0
                    || connection.getParser().inHeaderState() && !connection.getParser().isStart();
            if (incomplete && completed == incompleteAt) {
                connection.getEndPoint().close();
                return;
            }
            incompleteAt = incomplete ? completed : -1;
            schedule();
        }
    }
}
