package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.model.ApiToken;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Revokes a token: its next request is refused. Revoking a revoked token again succeeds and changes nothing. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token by its token_sid.")
final class TokenRevokeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Parameters(paramLabel = "TOKEN_SID", description = "The token's sid (tok_…), as 'token list' shows it.")
    String tokenSid;

    TokenRevokeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ApiToken revoked;
        try (Services services = storage.open(context)) {
            revoked = CliRefusals.valueOf(services.tokens().revoke(Caller.operator(), tokenSid),
                    refusal -> "unknown token " + tokenSid + " (see 'confcdr token list')");
        }
        spec.commandLine().getOut().println("revoked " + revoked.id() + " of partner " + revoked.partnerSid());
        return ExitCodes.OK;
    }
}
