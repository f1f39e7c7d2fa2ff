package io.confcdr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.store.TestRecords;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What CdrField declares about each attribute, stated here independently so a change to it is deliberate. */
class CdrFieldTest {

    private static List<String> names(Predicate<CdrField> which) {
        return Stream.of(CdrField.values()).filter(which).map(CdrField::wireName).toList();
    }

    @Test
    void cdrComponentsAreTheFieldsInTheirOrder() {
        List<String> components = Arrays.stream(Cdr.class.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> expected = Stream.of(CdrField.values())
                .map(field -> toCamelCase(field.wireName()))
                .toList();
        assertThat(components).isEqualTo(expected);
    }

    @Test
    void fromValuesRebuildsARecordFromItsValuesInFieldOrder() {
        Cdr sample = TestRecords.carrierxSample();
        Object[] values = Stream.of(CdrField.values()).map(field -> field.get(sample)).toArray();

        assertThat(Cdr.fromValues(values)).isEqualTo(sample);
        assertThatThrownBy(() -> Cdr.fromValues(new Object[26])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredSidAndConfcdrSetAttributes() {
        assertThat(names(CdrField::isRequired)).containsExactly("call_sid", "date_start", "date_stop", "partner_sid");
        assertThat(names(CdrField::isSid)).containsExactly("call_sid", "partner_sid");
        assertThat(names(CdrField::isSetByConfcdr)).containsExactly("date_insert");
    }

    @Test
    void enumerationsAndTheirValues() {
        Map<String, List<String>> allowed = Stream.of(CdrField.values()).filter(CdrField::isEnumerated)
                .collect(Collectors.toMap(CdrField::wireName, field -> List.copyOf(field.allowedValues())));
        assertThat(allowed).isEqualTo(Map.of(
                "custom_call_type", List.of("dc", "foreign", "private_asd", "private_call", "recording"),
                "direction", List.of("inbound", "outbound"),
                "disconnect_originator", List.of("bridge", "src"),
                "role", List.of("host", "listener", "participant")));
        assertThat(CdrField.ROLE.maxLength()).isEqualTo(64);
    }

    @Test
    void lengthLimitsOfTextInCodePoints() {
        assertThat(names(field -> field.type() == FieldType.TEXT && field.maxLength() == Sids.MAX_LENGTH))
                .containsExactly("call_sid", "endpoint_sid", "meeting_room_sid", "meeting_sid", "partner_sid");
        assertThat(names(field -> field.type() == FieldType.TEXT && field.maxLength() == 256))
                .containsExactly("bridge", "node", "number_dst", "number_src");
        assertThat(names(field -> field.type() == FieldType.TEXT && field.maxLength() == 1024))
                .containsExactly("address_dst", "address_src", "audio_key", "custom_name", "disconnect_reason", "user_agent");
        assertThat(names(field -> field.type() == FieldType.INSTANT && field.maxLength() == 64))
                .containsExactly("date_disconnected", "date_insert", "date_join", "date_start", "date_stop");
    }

    private static String toCamelCase(String wireName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
