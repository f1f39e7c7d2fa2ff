package io.confcdr.cli;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.NewPartner;
import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.model.Partner;
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
        Partner created;
        try (Services services = storage.open(context)) {
            created = CliRefusals.valueOf(services.partners().create(Caller.operator(),
                    new NewPartner(sid, name, parentSid, null, null)), this::wording);
        }
        spec.commandLine().getOut().println(created.sid());
        return ExitCodes.OK;
    }

    private String wording(AdminResult.Refusal<Partner> refusal) {
        return switch (refusal.field()) {
            case "parent_sid" -> "unknown parent partner " + parentSid;
            case "partner_sid" -> refusal instanceof AdminResult.Conflict<Partner> ? refusal.message() : "--sid " + refusal.message();
            case "name" -> "--name " + refusal.message();
            case null, default -> refusal.message();
        };
    }
}
