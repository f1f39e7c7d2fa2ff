package io.confcdr.query;

import io.confcdr.model.CdrField;
import io.confcdr.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a CarrierX {@code filter=} expression into a typed {@link Filter}:
 * <pre>
 * filter    := ws* condition (ws+ "and" ws+ condition)* ws*
 * condition := attribute ws+ operator ws+ value
 *            | attribute ws+ ("in" | "notin") ws* "(" ws* value (ws* "," ws* value)* ws* ")"
 * value     := '"' chars '"' | "'" chars "'" | bare
 * </pre>
 * Operators and {@code and} are case-insensitive; attribute names are not. A bare value runs to the next
 * space or tab (inside a list also to the next {@code ,} or {@code )}); a {@code +} is kept literally,
 * since numbers such as {@code +17605692222} contain one. Inside quotes {@code \"}, {@code \'} and
 * {@code \\} stand for the escaped character; any other backslash is kept. An unquoted {@code null}
 * (any case) with {@code eq}/{@code ne} tests for a missing value. A date-time followed by a space and
 * {@code hh:mm} takes that as its {@code +hh:mm} offset (an unencoded {@code +} in a URL decodes to a
 * space). Every error is a {@link QueryException} on {@code filter} giving the 0-based position and what
 * was expected there.
 */
public final class FilterParser<A> {

    public static final int MAX_LENGTH = 4096;
    public static final int MAX_CONDITIONS = 32;
    public static final int MAX_LIST_VALUES = 1000;

    private static final String OPERATORS = "eq, ne, gt, ge, lt, le, like, notlike, ilike, notilike, in, notin";

    private final String text;
    private final FilterAttributes<A> attributes;
    private int pos;
    private int listValues;

    private FilterParser(String text, FilterAttributes<A> attributes) {
        this.text = text;
        this.attributes = attributes;
    }

    /** The attributes of CDRs, for the list route and everything that filters records. */
    private static final FilterAttributes<CdrField> CDR_ATTRIBUTES = new FilterAttributes<>() {
        @Override
        public java.util.Optional<CdrField> byWireName(String name) {
            return CdrField.byWireName(name);
        }

        @Override
        public FieldType type(CdrField field) {
            return field.type();
        }

        @Override
        public String wireName(CdrField field) {
            return field.wireName();
        }
    };

    /** Parses {@code text}; null or blank means no filter ({@link Filter#ALL}). */
    public static Filter parse(String text) {
        return new Filter(parse(text, CDR_ATTRIBUTES).stream().map(FilterParser::cdrCondition).toList());
    }

    /**
     * Parses {@code text} over another collection's attributes (the same grammar, bounds and messages);
     * null or blank means no condition.
     */
    public static <A> List<Term<A>> parse(String text, FilterAttributes<A> attributes) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_LENGTH) {
            throw new QueryException("filter", "filter is " + text.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed");
        }
        return new FilterParser<>(text, attributes).filter();
    }

    private static Condition cdrCondition(Term<CdrField> term) {
        return switch (term) {
            case Term.Compare<CdrField> c -> new Condition.Compare(c.attribute(), c.op(), c.value());
            case Term.IsNull<CdrField> c -> new Condition.IsNull(c.attribute(), c.negated());
            case Term.In<CdrField> c -> new Condition.In(c.attribute(), c.negated(), c.values());
            case Term.Like<CdrField> c -> new Condition.Like(c.attribute(), c.pattern(), c.caseInsensitive(), c.negated());
        };
    }

    private List<Term<A>> filter() {
        List<Term<A>> conditions = new ArrayList<>();
        skipSpaces();
        conditions.add(condition());
        while (true) {
            boolean spaced = skipSpaces();
            if (atEnd()) {
                return conditions;
            }
            int wordStart = pos;
            String word = readWord();
            if (!spaced) {
                throw error(wordStart, "expected a space after the value but found '" + word + "'");
            }
            if (!word.equalsIgnoreCase("and")) {
                throw error(wordStart, "expected 'and' or the end of the filter but found '" + word + "'");
            }
            requireSpace("an attribute");
            if (conditions.size() == MAX_CONDITIONS) {
                throw error(pos, "a filter may have at most " + MAX_CONDITIONS + " conditions");
            }
            conditions.add(condition());
        }
    }

    private Term<A> condition() {
        int attributeStart = pos;
        if (atEnd()) {
            throw error(pos, "expected an attribute but found the end of the filter");
        }
        String name = readWord();
        A field = attributes.byWireName(name)
                .orElseThrow(() -> error(attributeStart, "unknown attribute '" + name + "'"));
        requireSpace("an operator (" + OPERATORS + ")");
        int operatorStart = pos;
        String operator = readOperator().toLowerCase(Locale.ROOT);
        return switch (operator) {
            case "eq", "ne" -> equality(field, operator.equals("ne"));
            case "gt" -> new Term.Compare<>(field, Comparison.GT, typed(field, nonNullValue()));
            case "ge" -> new Term.Compare<>(field, Comparison.GE, typed(field, nonNullValue()));
            case "lt" -> new Term.Compare<>(field, Comparison.LT, typed(field, nonNullValue()));
            case "le" -> new Term.Compare<>(field, Comparison.LE, typed(field, nonNullValue()));
            case "like", "notlike", "ilike", "notilike" -> like(field, operatorStart, operator);
            case "in" -> in(field, false);
            case "notin" -> in(field, true);
            default -> throw error(operatorStart, "expected an operator (" + OPERATORS + ") but found "
                    + (operator.isEmpty() ? describeHere() : "'" + operator + "'"));
        };
    }

    /** {@code eq}/{@code ne}: against a value, or an unquoted null for IS [NOT] NULL. */
    private Term<A> equality(A field, boolean negated) {
        requireSpace("a value");
        Token value = readValue(false);
        if (value.isNull()) {
            return new Term.IsNull<>(field, negated);
        }
        return new Term.Compare<>(field, negated ? Comparison.NE : Comparison.EQ, typed(field, value));
    }

    private Term<A> like(A field, int operatorStart, String operator) {
        if (attributes.type(field) != FieldType.TEXT) {
            throw error(operatorStart, operator + " can only be used on text attributes, not on " + attributes.wireName(field));
        }
        String pattern = nonNullValue().text;
        return new Term.Like<>(field, pattern, operator.contains("ilike"), operator.startsWith("not"));
    }

    private Token nonNullValue() {
        requireSpace("a value");
        Token value = readValue(false);
        if (value.isNull()) {
            throw error(value.start, "null can only be used with eq or ne");
        }
        return value;
    }

    private Term<A> in(A field, boolean negated) {
        skipSpaces();
        if (atEnd() || text.charAt(pos) != '(') {
            throw error(pos, "expected '(' to open the list of values but found " + describeHere());
        }
        pos++;
        List<Object> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (++listValues > MAX_LIST_VALUES) {
                throw error(pos, "a filter may list at most " + MAX_LIST_VALUES + " values in total");
            }
            Token value = readValue(true);
            if (value.isNull()) {
                throw error(value.start, "null can only be used with eq or ne");
            }
            values.add(typed(field, value));
            skipSpaces();
            if (!atEnd() && text.charAt(pos) == ',') {
                pos++;
            } else if (!atEnd() && text.charAt(pos) == ')') {
                pos++;
                return new Term.In<>(field, negated, values);
            } else {
                throw error(pos, "expected ',' or ')' but found " + describeHere(true));
            }
        }
    }

    /** A value as written: its text (unescaped), where it began, and whether it was quoted. */
    private record Token(String text, int start, boolean quoted) {
        boolean isNull() {
            return !quoted && text.equalsIgnoreCase("null");
        }
    }

    private Token readValue(boolean inList) {
        int start = pos;
        if (atEnd()) {
            throw error(pos, "expected a value but found the end of the filter");
        }
        char first = text.charAt(pos);
        if (first == '"' || first == '\'') {
            return new Token(readQuoted(first), start, true);
        }
        while (!atEnd() && !isSpace(text.charAt(pos)) && !(inList && isListPunctuation(text.charAt(pos)))) {
            pos++;
        }
        if (pos == start) {
            throw error(pos, "expected a value but found " + describeHere(inList));
        }
        return new Token(text.substring(start, pos), start, false);
    }

    private String readQuoted(char quote) {
        int opening = pos++;
        var value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && !atEnd() && isEscapable(text.charAt(pos))) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw error(opening, "unterminated quoted value: expected a closing " + quote);
    }

    private Object typed(A field, Token value) {
        try {
            return switch (attributes.type(field)) {
                case TEXT -> value.text;
                case INSTANT -> FilterValues.instant(withUnencodedPlusOffset(value).text);
                case SECONDS, INTEGER -> FilterValues.number(value.text);
            };
        } catch (IllegalArgumentException e) {
            throw error(value.start, e.getMessage() + " for " + attributes.wireName(field) + " but found '" + value.text + "'");
        }
    }

    /**
     * A {@code +} left unencoded in a hand-written URL arrives as a space, so {@code 2025-01-01T12:00:00+00:00}
     * reaches the parser as {@code 2025-01-01T12:00:00 00:00}. After a bare date-time without zone, a space
     * and {@code hh:mm} ending the value could not continue the filter any other way (a value is followed by
     * {@code and}, {@code ,}, {@code )} or the end), so they are read as the offset {@code +hh:mm}.
     */
    private Token withUnencodedPlusOffset(Token value) {
        int end = pos + 6;
        boolean zoneless = !value.quoted && value.text.length() >= 19 && value.text.charAt(10) == 'T'
                && value.text.chars().skip(19).allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        if (!zoneless || end > text.length() || text.charAt(pos) != ' ' || text.charAt(pos + 3) != ':'
                || !isAsciiDigits(pos + 1, pos + 3) || !isAsciiDigits(pos + 4, end)
                || (end < text.length() && !isSpace(text.charAt(end)) && !isListPunctuation(text.charAt(end)))) {
            return value;
        }
        String offset = text.substring(pos + 1, end);
        pos = end;
        return new Token(value.text + "+" + offset, value.start, false);
    }

    private boolean isAsciiDigits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private String readWord() {
        int start = pos;
        while (!atEnd() && !isSpace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** An operator ends at a space or, for {@code in (…)}, at the opening parenthesis. */
    private String readOperator() {
        int start = pos;
        while (!atEnd() && !isSpace(text.charAt(pos)) && text.charAt(pos) != '(') {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Requires at least one space before {@code next}, which is named in the error otherwise. */
    private void requireSpace(String next) {
        if (atEnd()) {
            throw error(pos, "expected " + next + " but found the end of the filter");
        }
        if (!skipSpaces()) {
            throw error(pos, "expected a space before " + next + " but found " + describeHere());
        }
    }

    /** Skips spaces and tabs; true when there was at least one. */
    private boolean skipSpaces() {
        int start = pos;
        while (!atEnd() && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos > start;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    /** What stands at the current position, for error messages: the rest of the word, or the end. */
    private String describeHere() {
        return describeHere(false);
    }

    /** Inside a list, a word also ends at {@code ,} or {@code )}, which are shown on their own. */
    private String describeHere(boolean inList) {
        if (atEnd()) {
            return "the end of the filter";
        }
        int end = pos + 1;
        if (!(inList && isListPunctuation(text.charAt(pos)))) {
            while (end < text.length() && !isSpace(text.charAt(end)) && !(inList && isListPunctuation(text.charAt(end)))) {
                end++;
            }
        }
        return "'" + text.substring(pos, end) + "'";
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isListPunctuation(char c) {
        return c == ',' || c == ')';
    }

    private static boolean isEscapable(char c) {
        return c == '"' || c == '\'' || c == '\\';
    }

    private static QueryException error(int position, String expected) {
        return new QueryException("filter", "at position " + position + ": " + expected);
    }
}
