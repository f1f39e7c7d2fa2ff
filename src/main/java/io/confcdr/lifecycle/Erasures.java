package io.confcdr.lifecycle;

import io.confcdr.admin.AdminResult;
import io.confcdr.admin.AdminResult.Invalid;
import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.model.StorableText;
import io.confcdr.model.Timestamps;
import io.confcdr.store.ErasureStore;
import io.confcdr.store.PartnerStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasing a number (a privacy request) from the records a caller with {@code app.manage} can read: deleting
 * them, or redacting their numbers and addresses. The store does it in one transaction and remembers it, so
 * the number stays gone. Who asked, when, how and how many are kept and listed with the SHA-256 of the
 * number; the number itself is neither kept nor logged.
 */
public final class Erasures {

    /** Longer than any phone number or SIP user part; long enough for whatever a bridge wrote there. */
    static final int MAX_NUMBER_LENGTH = 256;
    private static final Logger AUDIT = LoggerFactory.getLogger("confcdr.audit");
    private static final String DATE_EXPECTED = "must be an ISO-8601 date and time with a zone, such as 2024-12-14T10:03:14.000Z";

    private final ErasureStore erasures;
    private final PartnerStore partners;
    private final Clock clock;

    public Erasures(ErasureStore erasures, PartnerStore partners, Clock clock) {
        this.erasures = erasures;
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Whether {@code caller} may erase or list erasures at all, decided before its request is read.
     *
     * @throws io.confcdr.auth.ForbiddenException without {@code app.manage}
     */
    public void requireMayErase(Caller caller) {
        caller.requireAnyScope(Scopes.APP_MANAGE);
    }

    /** Erases the number from every record the caller can read, within the dates given; refused when the request is invalid. */
    public AdminResult<Erasure> erase(Caller caller, ErasureRequest request) {
        requireMayErase(caller);
        String number = request.number();
        if (number == null || number.isEmpty()) {
            return new Invalid<>("number", "is required");
        }
        if (number.length() > MAX_NUMBER_LENGTH) {
            return new Invalid<>("number", "must be at most " + MAX_NUMBER_LENGTH + " characters");
        }
        if (StorableText.problem(number) != null) {
            return new Invalid<>("number", StorableText.problem(number));
        }
        if (request.mode() == null) {
            return new Invalid<>("mode", "is required: delete or redact");
        }
        ErasureMode mode = ErasureMode.fromWire(request.mode()).orElse(null);
        if (mode == null) {
            return new Invalid<>("mode", "must be delete or redact");
        }
        Instant from;
        Instant to;
        try {
            from = date("date_from", request.dateFrom());
            to = date("date_to", request.dateTo());
        } catch (InvalidDate invalid) {
            return new Invalid<>(invalid.field, DATE_EXPECTED);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            return new Invalid<>("date_to", "must be later than date_from");
        }
        var erasure = new Erasure(UUID.randomUUID().toString(), Timestamps.truncate(clock.instant()), mode, sha256(number), 0,
                partnerOf(caller), tokenOf(caller));
        Erasure done = erasures.erase(new ErasureStore.Command(erasure, number, from, to), caller.readVisibility(partners));
        AUDIT.info("erasure={} token={} partner={} mode={} number_sha256={} records={}", done.sid(),
                done.tokenId() == null ? "operator" : done.tokenId(), done.partnerSid() == null ? "-" : done.partnerSid(),
                done.mode().wireName(), done.numberSha256(), done.records());
        return AdminResult.done(done);
    }

    /** The erasures made by the caller's partner and its descendants (every erasure, for the operator), newest first. */
    public List<Erasure> list(Caller caller) {
        requireMayErase(caller);
        return switch (caller) {
            case Caller.Bearer bearer -> erasures.listBy(partners.subtree(bearer.partnerSid()));
            case Caller.Operator operator -> erasures.listAll();
        };
    }

    /** The lowercase hex SHA-256 of the number's UTF-8 bytes: what a requester can match without the number being kept. */
    public static String sha256(String number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Instant date(String field, String text) {
        if (text == null) {
            return null;
        }
        Instant instant = Timestamps.parseWire(text);
        if (instant != null) {
            return instant;
        }
        try {
            return Timestamps.truncate(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidDate(field);
        }
    }

    /** A date that does not parse, naming its field; caught in {@link #erase}. */
    private static final class InvalidDate extends RuntimeException {
        private final String field;

        InvalidDate(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    private static String partnerOf(Caller caller) {
        return switch (caller) {
            case Caller.Bearer bearer -> bearer.partnerSid();
            case Caller.Operator operator -> null;
        };
    }

    private static String tokenOf(Caller caller) {
        return switch (caller) {
            case Caller.Bearer bearer -> bearer.token().id();
            case Caller.Operator operator -> null;
        };
    }
}
