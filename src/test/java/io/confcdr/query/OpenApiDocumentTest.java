package io.confcdr.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.OpenApi31;
import io.confcdr.api.CompleteCdrSchema;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.model.Seconds;
import io.confcdr.store.TestRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OpenAPI document (served at {@code /openapi.json}) is well-formed OpenAPI 3.1 and
 * describes what the code actually writes: the CarrierX sample record, list envelopes and errors.
 */
class OpenApiDocumentTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry OPENAPI = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
            builder -> builder.schemas(Map.of(CompleteCdrSchema.URI, CompleteCdrSchema.referring("classpath:openapi.json"))));

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            return MAPPER.readTree(in);
        }
    }

    private static Schema component(String name) {
        return OPENAPI.getSchema(SchemaLocation.of("classpath:openapi.json#/components/schemas/" + name));
    }

    private static List<Error> validate(String schema, String json) {
        return component(schema).validate(MAPPER.readTree(json));
    }

    private static List<Error> validateComplete(String json) {
        return OPENAPI.getSchema(SchemaLocation.of(CompleteCdrSchema.URI)).validate(MAPPER.readTree(json));
    }

    private static String sampleJson() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/carrierx-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static Cdr sampleWithNulls() {
        return TestRecords.withNulls(TestRecords.carrierxSample().toBuilder()
                .callSid("69057c3e-bb90-4ed3-9c53-000000001143")
                .dateStop(Instant.parse("2024-12-14T10:03:18.250Z"))
                .duration(Seconds.parse("4.25015"))
                .durationMeeting(Seconds.ZERO)
                .build());
    }

    /** A list envelope as the API writes it, streamed with {@link CdrJson}. */
    private static String envelope(List<Cdr> items, FieldSelection fields, String next) {
        var out = new StringWriter();
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("count", items.size());
            json.writeBooleanProperty("has_more", next != null);
            json.writeArrayPropertyStart("items");
            items.forEach(cdr -> CdrJson.write(json, cdr, fields));
            json.writeEndArray();
            json.writeNumberProperty("limit", 10);
            json.writeNumberProperty("offset", 0);
            json.writeObjectPropertyStart("pagination");
            if (next != null) {
                json.writeStringProperty("next", next);
            }
            json.writeEndObject();
            json.writeNullProperty("total");
            json.writeEndObject();
        }
        return out.toString();
    }

    @Test
    void documentDeclaresOpenApi31WithBearerSecurity() throws IOException {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asString()).startsWith("3.1.");
        assertThat(doc.path("info").path("title").isString()).isTrue();
        assertThat(doc.path("info").path("version").isString()).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.path("security").get(0).has("bearerAuth")).isTrue();
    }

    @Test
    void everyOperationHasAUniqueIdAndDeclaredResponses() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                assertThat(Set.of("get", "post", "put", "patch", "delete")).contains(operation.getKey());
                assertThat(ids.add(operation.getValue().path("operationId").asString())).as(path.getKey()).isTrue();
                assertThat(operation.getValue().path("responses").isEmpty()).as(path.getKey()).isFalse();
            }
        }
        assertThat(ids).contains("listConferenceCalls", "getConferenceCall", "ingestConferenceCalls", "health");
    }

    @Test
    void everyReferenceResolvesInsideTheDocument() throws IOException {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asString());
        }
        node.values().forEach(child -> collectRefs(child, refs));
    }

    @Test
    void everyComponentSchemaIsAValidJsonSchema202012() throws IOException {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        for (Map.Entry<String, JsonNode> schema : document().path("components").path("schemas").properties()) {
            assertThat(metaSchema.validate(schema.getValue())).as(schema.getKey()).isEmpty();
        }
    }

    @Test
    void cdrSchemaListsTheTwentySevenAttributesInWireOrder() throws IOException {
        JsonNode properties = document().at("/components/schemas/Cdr/properties");
        List<String> names = new ArrayList<>(properties.propertyNames());
        assertThat(names).containsExactlyElementsOf(EnumSet.allOf(CdrField.class).stream().map(CdrField::wireName).toList());
    }

    @Test
    void carrierxSampleIsACompleteCdr() throws IOException {
        assertThat(validateComplete(sampleJson())).isEmpty();
    }

    @Test
    void recordWithMissingValuesAndFractionalDurationIsACompleteCdr() {
        var out = new StringWriter();
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            CdrJson.write(json, sampleWithNulls(), FieldSelection.ALL);
        }
        assertThat(validateComplete(out.toString())).isEmpty();
    }

    @Test
    void listEnvelopeWrittenWithCdrJsonValidates() throws IOException {
        Cdr sample = sampleWithNulls();
        String json = envelope(List.of(sample), FieldSelection.ALL,
                "https://cdr.example.com/core/v2/app/conference/calls?limit=10&after=69057c3e-bb90-4ed3-9c53-000000001143");
        assertThat(validate("CdrList", json)).isEmpty();
    }

    @Test
    void fieldFilteredItemsValidate() {
        var fields = new FieldSelection(EnumSet.of(CdrField.CALL_SID, CdrField.DURATION));
        assertThat(validate("CdrList", envelope(List.of(sampleWithNulls()), fields, null))).isEmpty();
    }

    @Test
    void envelopeWithAnUnexpectedKeyIsRejected() {
        String json = envelope(List.of(), FieldSelection.ALL, null).replace("\"total\":null", "\"total\":null,\"page\":1");
        assertThat(validate("CdrList", json)).isNotEmpty();
    }

    @Test
    void dateWithoutMillisecondsIsRejected() throws IOException {
        String json = sampleJson().replace("\"2024-12-14T10:03:14.000Z\"", "\"2024-12-14T10:03:14Z\"");
        assertThat(validateComplete(json)).isNotEmpty();
    }

    @Test
    void durationWithTrailingZerosOrAsANumberIsRejected() throws IOException {
        assertThat(validateComplete(sampleJson().replace("\"duration\":\"50\"", "\"duration\":\"50.0\""))).isNotEmpty();
        assertThat(validateComplete(sampleJson().replace("\"duration\":\"50\"", "\"duration\":50"))).isNotEmpty();
    }

    @Test
    void recordMissingAnAttributeIsNotComplete() throws IOException {
        assertThat(validateComplete(sampleJson().replace("\"audio_key\":null,", ""))).isNotEmpty();
    }

    @Test
    void errorBodyValidates() {
        assertThat(validate("ErrorDocument",
                "{\"errors\":[{\"field\":\"filter\",\"message\":\"at position 0: unknown attribute 'colour'\"}],\"message\":\"Bad Request\"}"))
                .isEmpty();
        assertThat(validate("ErrorDocument", "{\"errors\":[{\"field\":null,\"message\":\"Bad credentials\"}],\"message\":\"Bad credentials\"}"))
                .isEmpty();
    }

    @Test
    void ingestReportValidates() {
        String json = "{\"accepted\":2,\"duplicates\":1,\"rejected\":[{\"index\":3,\"call_sid\":null,"
                + "\"errors\":[{\"field\":\"call_sid\",\"message\":\"required\"}]}]}";
        assertThat(validate("IngestReport", json)).isEmpty();
    }
}
