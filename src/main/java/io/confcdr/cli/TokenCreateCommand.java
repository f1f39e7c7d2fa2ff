package io.confcdr.cli;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.NewToken;
import io.confcdr.auth.Caller;
import io.confcdr.auth.IssuedToken;
import io.confcdr.boot.Services;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issues a token. Its secret is the only line on stdout, so {@code TOKEN=$(confcdr token create …)} captures
 * it; the token's sid (for {@code token revoke}) goes to stderr with a reminder that the secret is shown once.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an API token for a partner; prints the token's secret (shown only once) on stdout,",
                "and its token_sid (for 'token revoke') on stderr."})
final class TokenCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--partner", paramLabel = "SID", required = true, description = "partner_sid owning the token.")
    String partnerSid;

    @Option(names = "--scopes", required = true, split = ",", paramLabel = "SCOPE",
            description = "Comma-separated: app.read, app.manage, app.read_descendant, cdr.ingest, partners.manage, oauth.manage.")
    List<String> scopes;

    @Option(names = "--name", defaultValue = "cli", description = "A label to recognise the token by (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--expires", paramLabel = "WHEN",
            description = "Expiry: 30d, 12h, P90D, 2025-06-30 or 2025-06-30T12:00:00Z (default: never).")
    String expires;

    TokenCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Set<String> wanted = new LinkedHashSet<>();
        scopes.forEach(scope -> wanted.add(scope.strip()));
        Instant expiry = expires == null ? null : Expiry.parse(expires, context.clock().instant());
        IssuedToken issued;
        try (Services services = storage.open(context)) {
            issued = CliRefusals.valueOf(services.tokens().issue(Caller.operator(), partnerSid,
                    new NewToken(name, wanted, expiry)), this::wording);
        }
        spec.commandLine().getOut().println(issued.secret());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("confcdr token: created " + issued.token().id() + " for partner "
                + issued.token().partnerSid() + "; the secret above is shown only this once");
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    private String wording(AdminResult.Refusal<IssuedToken> refusal) {
        return switch (refusal) {
            case AdminResult.NotFound<IssuedToken> notFound -> "unknown partner " + partnerSid;
            case AdminResult.Invalid<IssuedToken> invalid when "expires".equals(invalid.field()) ->
                    "--expires " + expires + " " + invalid.message();
            default -> "--" + refusal.field() + " " + refusal.message();
        };
    }
}
