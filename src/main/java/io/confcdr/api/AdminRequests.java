package io.confcdr.api;

import io.confcdr.ingest.BatchTooLargeException;
import io.confcdr.ingest.BoundedInputStream;
import io.confcdr.ingest.MalformedBodyException;
import io.confcdr.model.StorableText;
import io.confcdr.query.Parameters;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the admin routes share: a small JSON object body, offset/limit, and their error answers. */
final class AdminRequests {

    /** Partner and token objects are a few hundred bytes; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> PAGING = Set.of("offset", "limit");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AdminRequests() {
    }

    /** The request body as a JSON object; 415 unless JSON, 413 above {@link #MAX_BODY_BYTES}, 400 unless an object. */
    static JsonNode objectBody(Context ctx) {
        if (!MediaType.of(ctx.contentType()).equals("application/json")) {
            throw ApiError.unsupportedMediaType("Content-Type", "send application/json");
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BatchTooLargeException("the body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream body = new BoundedInputStream(ctx.bodyInputStream(), MAX_BODY_BYTES)) {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedBodyException("the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            if (e.getCause() instanceof BatchTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new MalformedBodyException("the body is not valid JSON");
        } catch (IOException e) {
            throw new MalformedBodyException("the body could not be read");
        }
    }

    /** An optional text property; 422 when present but not a string, or not a text that can be stored. */
    static String text(JsonNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(property, "must be a string");
        }
        return storable(property, value.stringValue());
    }

    /** {@code text}, unless it holds NUL or an unpaired surrogate: then 422 naming {@code field}. */
    static String storable(String field, String text) {
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw invalid(field, problem);
        }
        return text;
    }

    static int offset(Context ctx) {
        return Parameters.integer(QueryParams.of(ctx, PAGING), "offset", 0, 0, Integer.MAX_VALUE);
    }

    static int limit(Context ctx) {
        return Parameters.integer(QueryParams.of(ctx, PAGING), "limit", 10, 1, MAX_LIMIT);
    }

    /** 422: the object in the body is not acceptable. */
    static ApiError invalid(String field, String message) {
        return new ApiError(422, "Object validation error", List.of(new ErrorBody.Detail(field, message)));
    }

    /** 404 for an object that does not exist and for one outside the caller's subtree, alike. */
    static ApiError notFound(String field) {
        return new ApiError(404, ApiError.CANNOT_FIND_ITEM, List.of(new ErrorBody.Detail(field, ApiError.CANNOT_FIND_ITEM)));
    }

    static ApiError conflict(String field, String message) {
        return new ApiError(409, "Conflict", List.of(new ErrorBody.Detail(field, message)));
    }
}
