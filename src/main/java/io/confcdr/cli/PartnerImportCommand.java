package io.confcdr.cli;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.NewPartner;
import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.generate.GeneratedPartner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Creates the partners of an NDJSON partner tree ({@code generate --partners}). Partners that already
 * exist with the same parent are left alone, so importing the same tree twice is harmless.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Create the partners listed in an NDJSON file (one {\"partner_sid\",\"name\",\"parent_sid\"} a line, parents first); '-' reads stdin.")
final class PartnerImportCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Parameters(paramLabel = "FILE|-", description = "Partner NDJSON file, or - for stdin.")
    String file;

    PartnerImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<GeneratedPartner> partners;
        try (var in = InputFiles.open(file, context)) {
            partners = PartnerNdjson.read(in);
        }
        int created = 0;
        try (Services services = storage.open(context)) {
            for (GeneratedPartner partner : partners) {
                var ensured = CliRefusals.valueOf(services.partners().ensure(Caller.operator(),
                        new NewPartner(partner.sid(), partner.name(), partner.parentSid(), null, null)),
                        refusal -> wording(partner, refusal));
                created += ensured.created() ? 1 : 0;
            }
        }
        spec.commandLine().getOut().println("created " + created + ", existing " + (partners.size() - created));
        return ExitCodes.OK;
    }

    private static String wording(GeneratedPartner partner, AdminResult.Refusal<?> refusal) {
        if (refusal instanceof AdminResult.Invalid<?> invalid && "parent_sid".equals(invalid.field())) {
            return "partner " + partner.sid() + ": unknown parent partner " + partner.parentSid()
                    + " (list parents before their children)";
        }
        return refusal instanceof AdminResult.Conflict<?> ? refusal.message()
                : "partner " + partner.sid() + ": " + refusal.field() + " " + refusal.message();
    }
}
