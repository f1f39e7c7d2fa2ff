package io.confcdr.cli;

import io.confcdr.admin.PartnerRules;
import io.confcdr.generate.GeneratedPartner;
import io.confcdr.model.StorableText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner tree as NDJSON, one partner a line, parents first:
 * {@code {"name":"Acme","parent_sid":null,"partner_sid":"…"}}. Written by {@code generate --partners},
 * read by {@code partner import}.
 */
final class PartnerNdjson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PartnerNdjson() {
    }

    static void write(List<GeneratedPartner> partners, PrintWriter out) {
        for (GeneratedPartner partner : partners) {
            ObjectNode line = MAPPER.createObjectNode();
            line.put("name", partner.name());
            line.put("parent_sid", partner.parentSid());
            line.put("partner_sid", partner.sid());
            out.println(MAPPER.writeValueAsString(line));
        }
        out.flush();
    }

    /** @throws CliException naming the line when one is not a partner */
    static List<GeneratedPartner> read(InputStream in) {
        List<GeneratedPartner> partners = new ArrayList<>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    partners.add(parse(line, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return partners;
    }

    private static GeneratedPartner parse(String line, int lineNumber) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw CliException.usage("line " + lineNumber + ": not JSON: " + e.getOriginalMessage());
        }
        String sid = text(node, "partner_sid", lineNumber);
        String name = text(node, "name", lineNumber);
        String parent = text(node, "parent_sid", lineNumber);
        if (sid == null || name == null) {
            throw CliException.usage("line " + lineNumber + ": partner_sid and name are required");
        }
        // Checked for every line before any partner is created, so a bad line leaves the store as it was.
        String where = "line " + lineNumber + ": ";
        check(where + "partner_sid", PartnerRules.sidProblem(sid));
        if (parent != null) {
            check(where + "parent_sid", PartnerRules.sidProblem(parent));
        }
        check(where + "name", PartnerRules.nameProblem(name));
        return new GeneratedPartner(sid, name, parent);
    }

    private static void check(String what, String problem) {
        if (problem != null) {
            throw CliException.usage(what + " " + problem);
        }
    }

    private static String text(JsonNode node, String field, int lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw CliException.usage("line " + lineNumber + ": " + field + " " + problem);
        }
        return text;
    }
}
