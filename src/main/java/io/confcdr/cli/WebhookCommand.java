package io.confcdr.cli;

import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code confcdr webhook listen}: a local receiver to watch a subscription's deliveries arrive. */
@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Try push subscriptions out.",
        subcommands = WebhookCommand.Listen.class)
final class WebhookCommand {

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = "Receive deliveries, print each one and whether its signature verifies, until stopped.")
    static final class Listen implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "9000", description = "TCP port (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--secret", required = true, paramLabel = "whsec_…",
                description = "The subscription's secret, as the API returned it.")
        String secret;

        @Option(names = "--status", defaultValue = "204",
                description = "Status to answer (default ${DEFAULT-VALUE}); a non-2xx one shows confcdr's retries.")
        int status;

        @Override
        public Integer call() throws InterruptedException {
            if (status < 200 || status > 599) {
                throw CliException.usage("--status must be an HTTP status from 200 to 599");
            }
            Webhook webhook;
            try {
                webhook = new Webhook(secret);
            } catch (Exception e) {
                throw CliException.usage("--secret must be a whsec_ secret as the API returned it");
            }
            var out = spec.commandLine().getOut();
            try (var receiver = new WebhookReceiver(host, port, webhook, status, out)) {
                out.println("listening on http://" + host + ":" + receiver.port() + "/ (Ctrl-C to stop)");
                new CountDownLatch(1).await();
            } catch (IOException e) {
                throw CliException.usage("cannot listen on " + host + ":" + port + ": " + e.getMessage());
            }
            return ExitCodes.OK;
        }
    }
}
