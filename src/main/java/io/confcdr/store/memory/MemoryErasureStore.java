package io.confcdr.store.memory;

import io.confcdr.model.Cdr;
import io.confcdr.model.Erasure;
import io.confcdr.model.ErasureMode;
import io.confcdr.query.Visibility;
import io.confcdr.store.ErasureStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Erasures in a list; the records are changed by {@link MemoryCdrStore#erase} under its lock, which is also
 * the lock its inserts hold, so an erasure and a batch never interleave.
 */
final class MemoryErasureStore implements ErasureStore {

    private static final Comparator<Erasure> NEWEST_FIRST =
            Comparator.comparing(Erasure::dateCreated).thenComparing(Erasure::sid).reversed();

    private final MemoryCdrStore cdrs;
    private final List<Erasure> erasures = new ArrayList<>();

    MemoryErasureStore(MemoryCdrStore cdrs) {
        this.cdrs = cdrs;
    }

    @Override
    public Erasure erase(Command command, Visibility visibility) {
        synchronized (cdrs) {
            long count = cdrs.erase(record -> visibility.allows(record.partnerSid()) && matches(command, record),
                    command.mode() == ErasureMode.DELETE ? null : MemoryErasureStore::redacted);
            Erasure given = command.erasure();
            Erasure remembered = new Erasure(given.sid(), given.dateCreated(), given.mode(), given.numberSha256(), count,
                    given.partnerSid(), given.tokenId());
            synchronized (this) {
                erasures.add(remembered);
            }
            return remembered;
        }
    }

    @Override
    public synchronized List<Erasure> listBy(Set<String> partnerSids) {
        return erasures.stream().filter(erasure -> partnerSids.contains(erasure.partnerSid())).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized List<Erasure> listAll() {
        return erasures.stream().sorted(NEWEST_FIRST).toList();
    }

    /** The reference for the SQL stores: equal numbers, a literal substring of an address, date_start in range. */
    static boolean matches(Command command, Cdr record) {
        String number = command.number();
        boolean names = Objects.equals(record.numberSrc(), number) || Objects.equals(record.numberDst(), number)
                || contains(record.addressSrc(), number) || contains(record.addressDst(), number);
        return names && inRange(record.dateStart(), command.dateFrom(), command.dateTo());
    }

    private static boolean contains(String address, String number) {
        return address != null && address.contains(number);
    }

    private static boolean inRange(Instant date, Instant from, Instant to) {
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
    }

    /** Null attributes stay null: there is nothing in them to hide. */
    private static Cdr redacted(Cdr record) {
        return record.toBuilder()
                .numberSrc(redact(record.numberSrc()))
                .numberDst(redact(record.numberDst()))
                .addressSrc(redact(record.addressSrc()))
                .addressDst(redact(record.addressDst()))
                .build();
    }

    private static String redact(String value) {
        return value == null ? null : ErasureMode.REDACTED;
    }
}
