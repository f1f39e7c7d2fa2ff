package io.confcdr.cli;

import picocli.CommandLine.Command;

/** {@code confcdr partner ...}: partners own records and tokens; they form a tree. */
@Command(name = "partner", mixinStandardHelpOptions = true, description = "Manage partners.",
        subcommands = {PartnerCreateCommand.class, PartnerImportCommand.class, PartnerListCommand.class})
final class PartnerCommand {
}
