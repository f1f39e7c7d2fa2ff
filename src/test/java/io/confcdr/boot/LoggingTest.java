package io.confcdr.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.confcdr.config.ServeConfig.LogFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import tools.jackson.databind.json.JsonMapper;

/** The configured log format and level applied to a Logback set up as logback.xml does (text on a stream). */
class LoggingTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> stderr = new OutputStreamAppender<>();

    LoggingTest() {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        var text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%level %logger - %msg%n");
        text.start();
        stderr.setContext(context);
        stderr.setEncoder(text);
        stderr.setOutputStream(written);
        stderr.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(stderr);
    }

    @Test
    void theJsonFormatWritesOneJsonObjectPerLine() {
        Logging.configure(context, LogFormat.JSON, null);

        context.getLogger("io.confcdr.cli.ServeCommand").info("confcdr listening on {}", "https://localhost:8443");
        context.getLogger("io.confcdr.cli.ServeCommand").warn("second line");

        assertThat(stderr.getEncoder()).isInstanceOf(JsonEncoder.class);
        var lines = written.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        var first = JsonMapper.builder().build().readTree(lines.getFirst());
        assertThat(first.path("level").asString()).isEqualTo("INFO");
        assertThat(first.path("loggerName").asString()).isEqualTo("io.confcdr.cli.ServeCommand");
        assertThat(first.path("formattedMessage").asString()).isEqualTo("confcdr listening on https://localhost:8443");
        assertThat(first.path("timestamp").isNumber()).isTrue();
    }

    @Test
    void theConfiguredLevelAppliesToConfcdrsLoggers() {
        Logging.configure(context, LogFormat.TEXT, "DEBUG");

        context.getLogger("io.confcdr.store").debug("shown");

        assertThat(context.getLogger("io.confcdr").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("DEBUG io.confcdr.store - shown\n");
    }
}
