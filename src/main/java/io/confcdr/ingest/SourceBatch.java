package io.confcdr.ingest;

import io.confcdr.model.SequenceRange;
import io.confcdr.model.Sids;
import io.confcdr.query.QueryException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who sent a batch and the sequence number of its first record: the i-th record of the batch (counted as the
 * ingest report indexes them, from 0; blank NDJSON lines are not records) has number {@code first + i}.
 * Names are sids (1 to 128 letters, digits and {@code . _ : ~ -}); numbers run from 0 to 2^53, the largest a
 * JSON client in any language reads exactly.
 */
public record SourceBatch(String source, long first) {

    /** How the two values are named in errors: the request headers that carry them. */
    public static final String SOURCE = "Confcdr-Source";
    public static final String SEQUENCE = "Confcdr-Sequence";
    public static final long MAX_SEQUENCE = 1L << 53;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,16}");

    public SourceBatch {
        String problem = Sids.problem(source);
        if (problem != null) {
            throw new QueryException(SOURCE, SOURCE + " " + problem);
        }
        if (first < 0 || first > MAX_SEQUENCE) {
            throw new QueryException(SEQUENCE, SEQUENCE + " must be an integer from 0 to " + MAX_SEQUENCE);
        }
    }

    /**
     * The pair from its two texts, or empty when both are absent.
     *
     * @throws QueryException naming the value at fault: one given without the other, a bad name, a bad number
     */
    public static Optional<SourceBatch> parse(String source, String sequence) {
        if (source == null && sequence == null) {
            return Optional.empty();
        }
        if (source == null) {
            throw new QueryException(SOURCE, SEQUENCE + " needs " + SOURCE + ": name the source whose sequence it is");
        }
        if (sequence == null) {
            throw new QueryException(SEQUENCE, SOURCE + " needs " + SEQUENCE + ": the sequence number of the batch's first record");
        }
        if (!DIGITS.matcher(sequence).matches()) {
            throw new QueryException(SEQUENCE, SEQUENCE + " must be an integer from 0 to " + MAX_SEQUENCE);
        }
        return Optional.of(new SourceBatch(source, Long.parseLong(sequence)));
    }

    /**
     * The numbers of a batch of {@code records} records ({@code records > 0}).
     *
     * @throws QueryException when the last would pass 2^53; then nothing of the batch is stored
     */
    public SequenceRange numbersOf(int records) {
        if (records > MAX_SEQUENCE - first + 1) {
            throw new QueryException(SEQUENCE, SEQUENCE + " " + first + " numbers the batch's " + records
                    + " records past " + MAX_SEQUENCE + ", the highest sequence number");
        }
        return new SequenceRange(first, first + records - 1);
    }

    /** The batch that follows one of {@code records} records, as the CLI numbers consecutive batches. */
    public SourceBatch after(int records) {
        return new SourceBatch(source, Math.min(first + records, MAX_SEQUENCE));
    }
}
