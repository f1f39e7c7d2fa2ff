package io.confcdr.cli;

import io.confcdr.auth.IssuedToken;
import io.confcdr.auth.Scopes;
import io.confcdr.store.Storage;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Issues a token and prints only its secret: it is shown this once and stored hashed. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API token for a partner; prints the token (shown only once).")
final class TokenCreateCommand implements Callable<Integer> {

    /** The scopes the API knows (spec §3–4); anything else is almost surely a typo. */
    static final Set<String> KNOWN_SCOPES = Scopes.ALL;

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
        for (String scope : scopes) {
            String trimmed = scope.strip();
            if (!KNOWN_SCOPES.contains(trimmed)) {
                throw CliException.usage("unknown scope '" + trimmed + "' (known: " + String.join(", ", new TreeSet<>(KNOWN_SCOPES)) + ")");
            }
            wanted.add(trimmed);
        }
        Instant now = context.clock().instant();
        Instant expiry = expires == null ? null : Expiry.parse(expires, now);
        if (expiry != null && !expiry.isAfter(now)) {
            throw CliException.usage("--expires " + expires + " is in the past");
        }
        IssuedToken issued;
        try (Storage store = storage.open(context)) {
            if (store.partners().find(partnerSid).isEmpty()) {
                throw CliException.usage("unknown partner " + partnerSid);
            }
            issued = context.tokenIssuers().create(store, context.clock()).issue(partnerSid, name, wanted, expiry);
        }
        spec.commandLine().getOut().println(issued.secret());
        return ExitCodes.OK;
    }
}
