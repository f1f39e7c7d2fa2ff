package io.confcdr.query;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.FieldType;
import io.confcdr.model.Seconds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Random filters over a dataset, as typed conditions and as the text a client would send. Values are
 * mostly taken from the records (so that conditions select something) and nudged to land between
 * them; the text form varies case, quoting, spacing, date forms and offsets, but always means the same
 * conditions. date_insert is never used: each store sets it itself.
 */
public final class RandomFilters {

    private static final List<CdrField> FIELDS = Arrays.stream(CdrField.values())
            .filter(field -> field != CdrField.DATE_INSERT)
            .toList();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final Random random;
    private final List<Cdr> records;

    public RandomFilters(Random random, List<Cdr> records) {
        this.random = random;
        this.records = List.copyOf(records);
    }

    /** Any attribute a filter or order may use across stores (all but date_insert). */
    public static List<CdrField> comparableFields() {
        return FIELDS;
    }

    public Filter filter() {
        List<Condition> conditions = new ArrayList<>();
        int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            conditions.add(condition());
        }
        return new Filter(conditions);
    }

    public Condition condition() {
        CdrField field = FIELDS.get(random.nextInt(FIELDS.size()));
        int roll = random.nextInt(10);
        if (roll == 0) {
            return new Condition.IsNull(field, random.nextBoolean());
        }
        if (roll <= 2) {
            List<Object> values = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                values.add(value(field));
            }
            return new Condition.In(field, random.nextBoolean(), values);
        }
        if (roll <= 4 && field.type() == FieldType.TEXT) {
            boolean caseInsensitive = random.nextBoolean();
            return new Condition.Like(field, pattern(field, caseInsensitive), caseInsensitive, random.nextBoolean());
        }
        Comparison op = Comparison.values()[random.nextInt(Comparison.values().length)];
        return new Condition.Compare(field, op, value(field));
    }

    /** A condition value: a record's value of the attribute, often nudged; or a tricky text. */
    private Object value(CdrField field) {
        Object stored = field.get(records.get(random.nextInt(records.size())));
        return switch (field.type()) {
            case TEXT -> stored == null || random.nextInt(5) == 0 ? RandomCdrs.TRICKY_TEXT.get(random.nextInt(RandomCdrs.TRICKY_TEXT.size())) : stored;
            case INSTANT -> (stored == null ? Instant.parse("2024-12-14T10:20:00Z") : (Instant) stored).plusMillis(random.nextInt(3) - 1);
            case SECONDS -> nudge(stored == null ? BigDecimal.TEN : ((Seconds) stored).toBigDecimal(), "0.000001");
            case INTEGER -> nudge(stored == null ? new BigDecimal(16) : new BigDecimal((Integer) stored), "0.5");
        };
    }

    private BigDecimal nudge(BigDecimal value, String step) {
        BigDecimal nudged = value.add(new BigDecimal(step).multiply(BigDecimal.valueOf(random.nextInt(3) - 1)));
        if (random.nextBoolean()) {
            BigDecimal stripped = nudged.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        return nudged;
    }

    /** A like pattern made from a stored value: some code points become {@code _}, some runs {@code %}. */
    private String pattern(CdrField field, boolean caseInsensitive) {
        Object stored = field.get(records.get(random.nextInt(records.size())));
        String text = stored == null ? RandomCdrs.TRICKY_TEXT.get(random.nextInt(RandomCdrs.TRICKY_TEXT.size())) : (String) stored;
        StringBuilder pattern = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int roll = random.nextInt(8);
            if (roll == 0) {
                pattern.append('_');
            } else if (roll == 1) {
                pattern.append('%');
                i += random.nextInt(3);
            } else {
                String c = Character.toString(codePoints[i]);
                pattern.append(caseInsensitive && random.nextBoolean() ? c.toUpperCase(Locale.ROOT) : c);
            }
        }
        if (random.nextInt(3) == 0) {
            pattern.append('%');
        }
        return pattern.toString();
    }

    /** The filter as a client would write it; {@link FilterParser} must read it back as {@code filter}. */
    public String text(Filter filter) {
        return filter.conditions().stream().map(this::text).collect(Collectors.joining(space() + cased("and") + space()));
    }

    private String text(Condition condition) {
        String attribute = condition.field().wireName();
        return switch (condition) {
            case Condition.IsNull isNull -> attribute + space() + cased(isNull.negated() ? "ne" : "eq") + space() + cased("null");
            case Condition.Compare compare -> attribute + space() + cased(compare.op().name()) + space()
                    + value(compare.value(), false);
            case Condition.Like like -> attribute + space()
                    + cased((like.negated() ? "not" : "") + (like.caseInsensitive() ? "ilike" : "like")) + space()
                    + value(like.pattern(), false);
            case Condition.In in -> attribute + space() + cased(in.negated() ? "notin" : "in") + space() + "("
                    + in.values().stream().map(v -> value(v, true)).collect(Collectors.joining(random.nextBoolean() ? "," : " , "))
                    + ")";
        };
    }

    private String value(Object value, boolean inList) {
        return switch (value) {
            case String text -> canBeBare(text, inList) && random.nextBoolean() ? text : quoted(text);
            case Instant instant -> date(instant);
            case BigDecimal number -> {
                String plain = number.signum() >= 0 && random.nextInt(4) == 0 ? "+" + number.toPlainString() : number.toPlainString();
                yield random.nextInt(4) == 0 ? quoted(plain) : plain;
            }
            default -> throw new IllegalArgumentException(Objects.toString(value));
        };
    }

    private static boolean canBeBare(String text, boolean inList) {
        return !text.isEmpty() && !text.equalsIgnoreCase("null") && text.chars().noneMatch(c -> c == ' ' || c == '\t')
                && text.charAt(0) != '"' && text.charAt(0) != '\'' && !(inList && (text.contains(",") || text.contains(")")));
    }

    private String quoted(String text) {
        char quote = random.nextBoolean() ? '"' : '\'';
        String escaped = text.replace("\\", "\\\\").replace(String.valueOf(quote), "\\" + quote);
        return quote + escaped + quote;
    }

    /** The same instant in one of the accepted forms, with or without an offset. */
    private String date(Instant instant) {
        int offsetMinutes = random.nextBoolean() ? 0 : (random.nextInt(29) - 14) * 60 + (random.nextBoolean() ? 0 : 30);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, offsetMinutes * 60)));
        var local = instant.atOffset(offset).toLocalDateTime();
        int millis = local.getNano() / 1_000_000;
        if (offset.equals(ZoneOffset.UTC) && local.toLocalTime().toSecondOfDay() == 0 && millis == 0 && random.nextBoolean()) {
            return local.toLocalDate().toString();
        }
        String fraction = millis == 0 && random.nextBoolean() ? "" : "." + "%03d".formatted(millis) + "0".repeat(random.nextInt(4));
        String zone = offset.equals(ZoneOffset.UTC) ? (random.nextBoolean() ? "Z" : random.nextBoolean() ? "" : "+00:00") : offset.getId();
        String written = LOCAL.format(local) + fraction + zone;
        return random.nextInt(4) == 0 ? "'" + written.replace('T', ' ') + "'" : written;
    }

    private String cased(String word) {
        return switch (random.nextInt(3)) {
            case 0 -> word.toLowerCase(Locale.ROOT);
            case 1 -> word.toUpperCase(Locale.ROOT);
            default -> Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    private String space() {
        return random.nextInt(4) == 0 ? " \t " : " ";
    }
}
