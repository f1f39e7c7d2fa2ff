package io.confcdr.cli;

import io.confcdr.generate.GeneratedPartner;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        try (Storage store = storage.open(context)) {
            for (GeneratedPartner partner : partners) {
                Optional<Partner> existing = store.partners().find(partner.sid());
                if (existing.isPresent()) {
                    if (!Objects.equals(existing.get().parentSid(), partner.parentSid())) {
                        throw CliException.usage("partner " + partner.sid() + " exists with another parent");
                    }
                    continue;
                }
                if (partner.parentSid() != null && store.partners().find(partner.parentSid()).isEmpty()) {
                    throw CliException.usage("partner " + partner.sid() + ": unknown parent partner "
                            + partner.parentSid() + " (list parents before their children)");
                }
                store.partners().create(partner.toPartner(context.clock().instant()));
                created++;
            }
        }
        spec.commandLine().getOut().println("created " + created + ", existing " + (partners.size() - created));
        return ExitCodes.OK;
    }
}
