package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Timestamps;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tokens of the store, oldest first, revoked ones included. Secrets are stored hashed and never shown. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List API tokens (never their secrets), as a table or as JSON.")
final class TokenListCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--partner", paramLabel = "SID", description = "Only the tokens of this partner.")
    String partnerSid;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    TokenListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ApiToken> tokens;
        try (Services services = storage.open(context)) {
            tokens = services.tokens().list(Caller.operator()).stream()
                    .filter(token -> partnerSid == null || partnerSid.equals(token.partnerSid()))
                    .toList();
        }
        Instant now = context.clock().instant();
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ArrayNode array = JSON.createArrayNode();
            for (ApiToken token : tokens) {
                ObjectNode node = array.addObject();
                node.put("token_sid", token.id());
                node.put("partner_sid", token.partnerSid());
                node.put("name", token.name());
                token.scopes().stream().sorted().forEach(node.putArray("scopes")::add);
                node.put("status", status(token, now));
                node.put("date_created", format(token.dateCreated()));
                node.put("date_expiration_access_token", format(token.dateExpires()));
                node.put("date_revoked", format(token.dateRevoked()));
                node.put("date_last_accessed", format(token.dateLastUsed()));
            }
            out.println(JSON.writeValueAsString(array));
            out.flush();
            return ExitCodes.OK;
        }
        var table = new TextTable("TOKEN_SID", "PARTNER_SID", "STATUS", "SCOPES", "EXPIRES", "LAST_USED", "NAME");
        tokens.forEach(token -> table.row(token.id(), token.partnerSid(), status(token, now),
                String.join(",", new TreeSet<>(token.scopes())), format(token.dateExpires()),
                format(token.dateLastUsed()), token.name()));
        table.print(out);
        return ExitCodes.OK;
    }

    private static String status(ApiToken token, Instant now) {
        if (token.dateRevoked() != null) {
            return "revoked";
        }
        return token.isUsableAt(now) ? "active" : "expired";
    }

    private static String format(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
