package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of EXTENSIONS.md that keep clients generated from {@code /openapi.json} pleasant, read off the
 * document itself (OpenApiClientsTest generates and compiles the clients): every inline shape a generator
 * would turn into a wrapper class such as {@code PartnerListPagination} or {@code IngestRecordDuration} is
 * a named schema instead.
 */
class OpenApiClientRulesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern DATE_ATTRIBUTE = Pattern.compile("date(_.*)?");
    private static final Pattern UTC_MILLIS_PATTERN = Pattern.compile(".*T.*Z\\$$");

    private static JsonNode document;

    @BeforeAll
    static void readTheBundledDocument() throws IOException {
        try (InputStream in = OpenApiClientRulesTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            document = JsonMapper.builder().build().readTree(in);
        }
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(Map.entry(operation.getKey() + " " + path.getKey(), operation.getValue()));
                }
            }
        }
        return operations;
    }

    private static Iterable<Map.Entry<String, JsonNode>> componentSchemas() {
        return document.path("components").path("schemas").properties();
    }

    @Test
    void everyOperationHasAnOperationIdAndOnlyDescribedTags() {
        List<String> described = new ArrayList<>();
        for (JsonNode tag : document.path("tags")) {
            if (!tag.path("description").asString("").isBlank()) {
                described.add(tag.path("name").asString());
            }
        }
        for (Map.Entry<String, JsonNode> operation : operations()) {
            assertThat(operation.getValue().path("operationId").asString("")).as(operation.getKey()).isNotBlank();
            assertThat(operation.getValue().path("tags").isEmpty()).as("%s has a tag", operation.getKey()).isFalse();
            for (JsonNode tag : operation.getValue().path("tags")) {
                assertThat(described).as("%s: tag %s is listed with a description", operation.getKey(), tag).contains(tag.asString());
            }
        }
    }

    @Test
    void noSchemaIsNamedLikeAJavaLangClass() {
        for (Map.Entry<String, JsonNode> schema : componentSchemas()) {
            assertThat(isJavaLangClass(schema.getKey()))
                    .as("schema %s would clash with java.lang.%s in a generated Java client", schema.getKey(), schema.getKey())
                    .isFalse();
        }
        assertThat(document.at("/components/schemas/ErrorDocument").isObject()).as("the error document is ErrorDocument").isTrue();
    }

    private static boolean isJavaLangClass(String name) {
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void everyRequestAndResponseBodyIsANamedSchemaOrAPlainValue() {
        List<String> unnamed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations()) {
            collectUnnamedBodies(operation.getKey() + " request", operation.getValue().path("requestBody"), unnamed);
            for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                collectUnnamedBodies(operation.getKey() + " " + response.getKey(), response.getValue(), unnamed);
            }
        }
        for (Map.Entry<String, JsonNode> response : document.path("components").path("responses").properties()) {
            collectUnnamedBodies("response " + response.getKey(), response.getValue(), unnamed);
        }
        assertThat(unnamed).isEmpty();
    }

    private static void collectUnnamedBodies(String where, JsonNode body, List<String> unnamed) {
        for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
            JsonNode schema = media.getValue().path("schema");
            JsonNode shape = "array".equals(schema.path("type").asString("")) ? schema.path("items") : schema;
            if (!shape.has("$ref") && wouldBecomeAClass(shape)) {
                unnamed.add(where + " " + media.getKey());
            }
        }
    }

    @Test
    void noSchemaNestsAnInlineObjectOrAlternative() {
        List<String> inline = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : componentSchemas()) {
            collectInlineShapes("#/components/schemas/" + schema.getKey(), schema.getValue(), inline);
        }
        assertThat(inline).as("give these a name under components/schemas and refer to it").isEmpty();
    }

    /** Inline shapes below a named schema: its properties, array items and map values, at any depth. */
    private static void collectInlineShapes(String where, JsonNode schema, List<String> inline) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            checkNested(where + "/properties/" + property.getKey(), property.getValue(), inline);
        }
        checkNested(where + "/items", schema.path("items"), inline);
        if (schema.path("additionalProperties").isObject()) {
            checkNested(where + "/additionalProperties", schema.path("additionalProperties"), inline);
        }
    }

    private static void checkNested(String where, JsonNode schema, List<String> inline) {
        if (schema.isMissingNode() || schema.has("$ref")) {
            return;
        }
        if (wouldBecomeAClass(schema)) {
            inline.add(where);
        }
        collectInlineShapes(where, schema, inline);
    }

    /**
     * An object with properties, a composition, or a value of several types (other than null): generators
     * make a class of each, named after where it stands when the document gives it no name. A map (an object
     * with only additionalProperties) or an object without properties stays a plain Map or Object.
     */
    private static boolean wouldBecomeAClass(JsonNode schema) {
        if (schema.has("properties") || schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
            return true;
        }
        JsonNode type = schema.path("type");
        return type.isArray() && type.valueStream().filter(t -> !"null".equals(t.asString())).count() > 1;
    }

    @Test
    void everyListEnvelopeSharesOnePagination() {
        for (Map.Entry<String, JsonNode> schema : componentSchemas()) {
            JsonNode pagination = schema.getValue().path("properties").path("pagination");
            if (!pagination.isMissingNode()) {
                assertThat(pagination.path("$ref").asString("")).as(schema.getKey()).isEqualTo("#/components/schemas/Pagination");
            }
        }
    }

    @Test
    void everyDateAttributeIsADateTime() {
        List<String> dates = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : componentSchemas()) {
            collectDatesWithoutFormat("#/components/schemas/" + schema.getKey(), schema.getValue(), dates);
        }
        assertThat(dates).as("date attributes without format date-time").isEmpty();
    }

    private static void collectDatesWithoutFormat(String where, JsonNode schema, List<String> dates) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = property.getValue();
            boolean date = DATE_ATTRIBUTE.matcher(property.getKey()).matches()
                    || UTC_MILLIS_PATTERN.matcher(value.path("pattern").asString("")).matches();
            if (date && !value.has("$ref") && !"date-time".equals(value.path("format").asString(""))) {
                dates.add(where + "/properties/" + property.getKey());
            }
            collectDatesWithoutFormat(where + "/properties/" + property.getKey(), value, dates);
        }
    }

    @Test
    void everyConstDeclaresItsType() {
        List<String> untyped = new ArrayList<>();
        collectUntypedConsts("#", document, untyped);
        assertThat(untyped).isEmpty();
    }

    private static void collectUntypedConsts(String where, JsonNode node, List<String> untyped) {
        if (node.isObject()) {
            if (node.has("const") && !node.has("type")) {
                untyped.add(where);
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectUntypedConsts(where + "/" + child.getKey(), child.getValue(), untyped);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUntypedConsts(where + "/" + i, node.get(i), untyped);
            }
        }
    }

    @Test
    void aJsonRequestBodyIsListedBeforeItsOtherMediaTypes() {
        for (Map.Entry<String, JsonNode> operation : operations()) {
            JsonNode content = operation.getValue().path("requestBody").path("content");
            if (content.has("application/json")) {
                assertThat(content.propertyNames().iterator().next()).as(operation.getKey()).isEqualTo("application/json");
            }
        }
        assertThat(document.at("/paths/~1ingest~1v1~1conference~1calls/post/requestBody/content").propertyNames())
                .containsExactly("application/json", "application/x-ndjson");
    }

    @Test
    void healthAndMetricsAreDescribedWithTheirShapes() {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            assertThat(document.path("paths").path(path).path("get").path("responses").path("200")
                    .at("/content/application~1json/schema/$ref").asString(""))
                    .as(path).isEqualTo("#/components/schemas/Health");
        }
        assertThat(document.at("/paths/~1metrics/get/responses/200/content/text~1plain/schema/type").asString(""))
                .isEqualTo("string");
    }
}
