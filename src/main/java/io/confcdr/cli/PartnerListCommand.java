package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.model.Partner;
import io.confcdr.model.Timestamps;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every partner of the store, ordered by sid: what {@code token create --partner} needs to be given. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the partners, as a table or as JSON.")
final class PartnerListCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    PartnerListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Partner> partners;
        try (Services services = storage.open(context)) {
            partners = services.partners().list(Caller.operator());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ArrayNode array = JSON.createArrayNode();
            for (Partner partner : partners) {
                ObjectNode node = array.addObject();
                node.put("partner_sid", partner.sid());
                node.put("name", partner.name());
                node.put("parent_sid", partner.parentSid());
                node.put("status", partner.status());
                node.put("date_created", Timestamps.format(partner.dateCreated()));
            }
            out.println(JSON.writeValueAsString(array));
            out.flush();
            return ExitCodes.OK;
        }
        var table = new TextTable("PARTNER_SID", "PARENT_SID", "STATUS", "NAME");
        partners.forEach(partner -> table.row(partner.sid(), partner.parentSid(), partner.status(), partner.name()));
        table.print(out);
        return ExitCodes.OK;
    }
}
