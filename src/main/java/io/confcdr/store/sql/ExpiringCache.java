package io.confcdr.store.sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small, short-lived cache of lookups that run on every authenticated request (token by secret hash,
 * a caller's partner subtree). Entries live for a fixed time on the store's clock; when the cache is
 * full it is emptied, which is simple and bounded. Reads take no lock. Invalidation is exact within
 * this process: a lookup that started before an invalidation never stores its (possibly stale) answer
 * afterwards, because stores and invalidations share a lock and a generation number.
 */
final class ExpiringCache<K, V> {

    /** How long an answer is reused: the staleness other processes sharing the database may see. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(2);
    static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, Instant expires) {
    }

    private final Clock clock;
    private final Duration timeToLive;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private long generation;

    ExpiringCache(Clock clock, Duration timeToLive, int maxEntries) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
    }

    /**
     * The cached answer for {@code key} if it is still fresh, else the loader's answer, which is kept
     * only when {@code worthKeeping} accepts it (so that, for example, "not found" is never cached).
     */
    V get(K key, Function<K, V> loader, Predicate<V> worthKeeping) {
        Entry<V> cached = entries.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.value();
        }
        long seen;
        synchronized (lock) {
            seen = generation;
        }
        V loaded = loader.apply(key);
        if (worthKeeping.test(loaded)) {
            synchronized (lock) {
                if (generation == seen) {
                    if (entries.size() >= maxEntries) {
                        entries.clear();
                    }
                    entries.put(key, new Entry<>(loaded, clock.instant().plus(timeToLive)));
                }
            }
        }
        return loaded;
    }

    /** Forgets every answer; lookups in flight will not store theirs. */
    void invalidateAll() {
        invalidate(value -> true);
    }

    /** Forgets the answers {@code stale} accepts; lookups in flight will not store theirs. */
    void invalidate(Predicate<V> stale) {
        synchronized (lock) {
            generation++;
            entries.values().removeIf(entry -> stale.test(entry.value()));
        }
    }
}
