package io.confcdr.cli;

import picocli.CommandLine.Command;

/** {@code confcdr report ...}: the API's reports, computed by the operator over every partner's legs. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Usage and concurrency reports.",
        subcommands = {ReportUsageCommand.class, ReportConcurrencyCommand.class})
final class ReportCommand {
}
