package io.confcdr.cli;

import picocli.CommandLine.Command;

/** {@code confcdr token ...}: API tokens, shown once at creation. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
final class TokenCommand {
}
