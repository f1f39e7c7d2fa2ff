package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Query strings a URL encoder would never produce: malformed percent-escapes, a hand-written {@code %}
 * sent raw, bytes that are not UTF-8. A known parameter so broken is a 400 naming it on every route.
 * Sent over a raw socket because {@link java.net.URI} refuses to carry such a query string at all.
 */
abstract class QueryEncodingApiContract extends AbstractAdminApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";

    @Test
    void aMalformedEscapeInAListParameterIs400NamingIt() throws IOException {
        assertBadRequestNaming("limit", rawGet(LIST + "?limit=%zz", acmeReader));
        assertBadRequestNaming("order", rawGet(LIST + "?order=date_stop%2", acmeReader));
        assertBadRequestNaming("after", rawGet(LIST + "?after=%", acmeReader));
    }

    @Test
    void aHandWrittenLikePatternSentUnencodedIs400NamingTheFilter() throws IOException {
        Answer answer = rawGet(LIST + "?filter=number_src%20like%20%22+1%%22", acmeReader);
        assertBadRequestNaming("filter", answer);
        assertThat(rawGet(LIST + "?filter=number_src like \"+1%\"", acmeReader).status())
                .as("a raw space is refused by Jetty before routing, which is answered in JSON too").isEqualTo(400);
        assertBadRequestNaming("filter", rawGet(LIST + "?filter=number_src+like+\"+1%\"", acmeReader));
    }

    @Test
    void bytesThatAreNotUtf8InAParameterAre400NamingIt() throws IOException {
        assertBadRequestNaming("filter", rawGet(LIST + "?filter=call_sid+eq+%C3%28", acmeReader));
        assertBadRequestNaming("include_fields", rawGet(LIST + "?include_fields=%FF", acmeReader));
    }

    @Test
    void aMalformedEscapeInTheFieldSelectionOfASingleRecordIs400NamingIt() throws IOException {
        assertBadRequestNaming("include_fields", rawGet(LIST + "/some-call?include_fields=%zz", acmeReader));
        assertBadRequestNaming("exclude_fields", rawGet(LIST + "/some-call?exclude_fields=call_sid%", acmeReader));
    }

    @Test
    void aMalformedEscapeInTheLimitOrOffsetOfAnAdminListIs400NamingIt() throws IOException {
        assertBadRequestNaming("limit", rawGet(PARTNERS + "?limit=%zz", acmeAdmin));
        assertBadRequestNaming("offset", rawGet(TOKENS + "?offset=1%", acmeAdmin));
    }

    @Test
    void aMalformedEscapeInAParameterTheRouteDoesNotKnowIsIgnoredLikeTheParameter() throws IOException {
        assertThat(rawGet(LIST + "?cache_buster=%zz&limit=2", acmeReader).status()).isEqualTo(200);
        assertThat(rawGet(PARTNERS + "?x%zz=1&limit=2", acmeAdmin).status()).isEqualTo(200);
    }

    @Test
    void wellFormedEscapesAndPlusSignsStillDecodeAsBefore() throws IOException {
        Answer answer = rawGet(LIST + "?limit=%32&filter=role+eq+%22host%22&order=date_stop%20desc&include_fields=call_sid,%72ole", acmeReader);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("limit").intValue()).isEqualTo(2);
    }

    private static void assertBadRequestNaming(String parameter, Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode body = answer.json();
        assertThat(body.get("message").stringValue()).isEqualTo("Bad request");
        assertThat(body.get("errors").size()).isEqualTo(1);
        assertThat(body.get("errors").get(0).get("field").stringValue()).isEqualTo(parameter);
        assertThat(body.get("errors").get(0).get("message").stringValue()).isNotBlank();
    }

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** One GET with the request target exactly as given, bytes above 0x7f included. */
    private Answer rawGet(String target, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            if (response.contains("Transfer-Encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, body);
        }
    }

    private static String unchunk(String chunked) {
        var body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
