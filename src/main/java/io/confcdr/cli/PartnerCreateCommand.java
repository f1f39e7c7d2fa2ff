package io.confcdr.cli;

import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Creates one partner and prints only its sid, so scripts can capture it. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a partner; prints its partner_sid.")
final class PartnerCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Option(names = "--sid", description = "The partner_sid to use (default: a new UUID).")
    String sid;

    @Option(names = "--parent", paramLabel = "SID", description = "partner_sid of the parent partner.")
    String parentSid;

    PartnerCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String partnerSid = sid == null ? UUID.randomUUID().toString() : sid;
        PartnerRules.checkSid("--sid", partnerSid);
        if (parentSid != null) {
            PartnerRules.checkSid("--parent", parentSid);
        }
        PartnerRules.checkName("--name", name);
        try (Storage store = storage.open(context)) {
            if (store.partners().find(partnerSid).isPresent()) {
                throw CliException.usage("partner " + partnerSid + " already exists");
            }
            if (parentSid != null && store.partners().find(parentSid).isEmpty()) {
                throw CliException.usage("unknown parent partner " + parentSid);
            }
            store.partners().create(new Partner(partnerSid, name, parentSid, Partner.ACTIVE, context.clock().instant()));
        }
        spec.commandLine().getOut().println(partnerSid);
        return ExitCodes.OK;
    }
}
