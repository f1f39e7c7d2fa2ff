package io.confcdr.api;

import io.confcdr.model.Cdr;
import io.confcdr.push.LiveStream;
import io.confcdr.push.LiveStreams;
import io.confcdr.push.StreamSettings;
import io.confcdr.read.CdrReads;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.UnknownCursorException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /core/v2/app/conference/calls/stream}: the caller's new records as server-sent events. Every
 * refusal (token, scope, filter, resume token) is the usual JSON error document, answered before the
 * first byte of the stream; once the 200 is sent, a failure can only end the stream, and the client
 * resumes with {@code Last-Event-ID}.
 *
 * <p>Written on the request's own virtual thread, blocking, rather than with Javalin's {@code app.sse}:
 * that plugin commits the 200 before the handler runs (so no 400 for a bad filter or token) and only
 * serves requests that send {@code Accept: text/event-stream}.
 */
final class StreamRoutes implements Routes {

    static final String PATH = CdrReadRoutes.LIST_PATH + "/stream";

    private static final Logger LOG = LoggerFactory.getLogger(StreamRoutes.class);

    private final LiveStreams streams;
    private final RequestAuth auth;

    StreamRoutes(LiveStreams streams, RequestAuth auth) {
        this.streams = streams;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::stream);
    }

    void stream(Context ctx) throws IOException {
        CdrReads.Reader reader = streams.readerFor(auth.authenticate(ctx));
        StreamRequest request = StreamRequest.parse(QueryParams.of(ctx, Set.of("filter", "include_fields", "exclude_fields", "after")), ctx.header(StreamRequest.LAST_EVENT_ID));
        LiveStream stream;
        try {
            stream = streams.open(reader, request.filter(), request.resumeAfter());
        } catch (UnknownCursorException e) {
            // Unknown and invisible records answer alike: the token tells nothing about other tenants.
            throw StreamRequest.notAnEventId(request.resumeFrom());
        }
        StreamSettings settings = streams.settings();
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        long idleTimeout = endPoint.getIdleTimeout();
        // A write that makes no progress for this long fails and ends the stream: a client that stops
        // reading is cut off instead of having records pile up for it. Heartbeats keep a healthy, quiet
        // stream from ever reaching it.
        endPoint.setIdleTimeout(settings.stallTimeout().toMillis());
        try (stream) {
            send(stream, EventStreamOutput.start(ctx), request, settings);
        } catch (IOException e) {
            LOG.debug("stream ended: {}", e.toString());
        } catch (StoreUnavailableException | UnknownCursorException e) {
            // The client reconnects with Last-Event-ID and gets an error document then, if it persists.
            LOG.warn("stream ended: {}", e.getMessage());
        } catch (RuntimeException e) {
            // The 200 is sent: no error document can follow, only the end of the stream.
            LOG.error("stream ended by an unexpected failure", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            endPoint.setIdleTimeout(idleTimeout);
        }
    }

    private static void send(LiveStream stream, EventStreamOutput out, StreamRequest request, StreamSettings settings)
            throws IOException, InterruptedException {
        Duration heartbeat = settings.heartbeat();
        long lastComment = System.nanoTime();
        while (true) {
            List<Cdr> page = stream.next(heartbeat.minusNanos(System.nanoTime() - lastComment));
            for (Cdr cdr : page) {
                out.event(cdr, request.fields());
            }
            boolean heartbeatDue = System.nanoTime() - lastComment >= heartbeat.toNanos();
            if (heartbeatDue) {
                out.comment("keep-alive");
                lastComment = System.nanoTime();
            }
            if (heartbeatDue || !page.isEmpty()) {
                out.flush();
            }
        }
    }
}
