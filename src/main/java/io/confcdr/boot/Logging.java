package io.confcdr.boot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.confcdr.config.ServeConfig.LogFormat;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured log format and level to Logback, which {@code logback.xml} set up as text on
 * stderr. JSON is Logback's own {@link JsonEncoder}: one object per line with {@code timestamp},
 * {@code level}, {@code loggerName}, {@code formattedMessage}, {@code mdc} and {@code kvpList} (where the
 * request log puts request id, partner sid, route, status and duration). Call arguments are left out:
 * only what a message formats is written.
 */
public final class Logging {

    private Logging() {
    }

    /** @param level null to keep the level of {@code logback.xml} */
    public static void configure(LogFormat format, String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            configure(context, format, level);
        }
    }

    static void configure(LoggerContext context, LogFormat format, String level) {
        if (level != null) {
            context.getLogger("io.confcdr").setLevel(Level.toLevel(level));
        }
        if (format == LogFormat.JSON) {
            Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
            while (appenders.hasNext()) {
                if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream) {
                    // Swapped in place: stopping a console appender would close stderr.
                    stream.setEncoder(jsonEncoder(context));
                }
            }
        }
    }

    /** The encoder of the JSON format, started. */
    public static JsonEncoder jsonEncoder(LoggerContext context) {
        var json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        return json;
    }
}
