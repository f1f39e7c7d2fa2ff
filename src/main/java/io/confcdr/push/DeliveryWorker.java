package io.confcdr.push;

import io.confcdr.query.FilterParser;
import io.confcdr.store.Backlog;
import io.confcdr.store.PushStore;
import io.confcdr.store.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every active subscription this process holds the lease of. One virtual thread scans the
 * subscriptions when woken (an ingest in this process, a change through the API, a delivery finished) or
 * every {@code poll} (records ingested by other processes, retries falling due); each subscription then
 * runs on a virtual thread of its own until it is caught up or waits for a retry, so a slow receiver
 * delays only its own subscription. Head-of-line: a subscription has at most one delivery in flight.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final PushStore store;
    private final Subscriptions subscriptions;
    private final PushSettings settings;
    private final Clock clock;
    private final PushMetrics metrics;
    private final DeliveryStep step;
    private final String owner = "proc-" + UUID.randomUUID();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Subscriptions a scan found already running: their thread may have looked for records just before they came. */
    private final Set<String> rerun = ConcurrentHashMap.newKeySet();
    /** Leases this process took, until when: renewed once half their time is gone, not at every scan. */
    private final java.util.Map<String, Instant> leasedUntil = new java.util.HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private boolean signalled;
    private volatile boolean stopped;
    private Thread scanner;
    private Instant backlogRefreshed = Instant.MIN;
    private volatile Duration leaseTtl;
    /** Counts changes of subscriptions made through this process; a chain of deliveries stops at one. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    public DeliveryWorker(PushStore store, Subscriptions subscriptions, PushSettings settings, Clock clock,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
        this.metrics = new PushMetrics(registry, clock);
        this.leaseTtl = settings.leaseTtl();
        this.step = new DeliveryStep(store, subscriptions,
                new WebhookSender(settings.connectTimeout(), settings.requestTimeout()),
                new Backoff(settings.backoffBase(), settings.backoffCap(), new java.util.Random()),
                settings.failAfter(), clock, metrics, owner);
    }

    /** How long this process holds a subscription without renewing it (serve's option; before {@link #start()}). */
    public void leaseFor(Duration ttl) {
        this.leaseTtl = ttl;
    }

    /** Starts the scanning thread; idempotent. */
    public synchronized void start() {
        if (scanner == null && !stopped) {
            scanner = Thread.ofVirtual().name("confcdr-push").start(this::scanUntilStopped);
        }
    }

    /** Asks for a scan now (new records, a changed subscription). Cheap; never blocks on delivery. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A subscription was changed through this process (settings, secret, replay, deletion): re-read and scan. */
    public void changed() {
        changes.incrementAndGet();
        wake();
    }

    private void scanUntilStopped() {
        while (!stopped) {
            try {
                scan();
            } catch (RuntimeException e) {
                // The store may be away (a PostgreSQL restart): keep the worker and try again at the next poll.
                LOG.warn("push: scanning subscriptions failed: {}", e.toString());
            }
            awaitSignal(settings.poll());
        }
    }

    private void scan() {
        Instant now = clock.instant();
        Set<String> held = new HashSet<>();
        // The backlog gauges cost a count per subscription: every third poll, not every scan.
        boolean refreshBacklog = !now.isBefore(backlogRefreshed.plus(settings.poll().multipliedBy(3)));
        for (Subscription s : store.list()) {
            if (stopped) {
                return;
            }
            if (!Subscription.ACTIVE.equals(s.status()) || !holdLease(s.sid(), now)) {
                continue;
            }
            held.add(s.sid());
            // A subscription new to this process is measured at once, so its gauges exist from its first scan.
            if (refreshBacklog || !metrics.tracks(s.sid())) {
                metrics.backlog(s.sid(), store.backlog(s.position(), FilterParser.parse(s.filter()), subscriptions.visibilityOf(s),
                        Backlog.COUNTED_UP_TO));
            }
            boolean due = s.pending() == null || s.pending().nextAttempt() == null || !s.pending().nextAttempt().isAfter(now);
            if (due) {
                // Marked before trying, so that a thread finishing right now either sees the mark or lets this scan start it.
                rerun.add(s.sid());
                if (running.add(s.sid())) {
                    rerun.remove(s.sid());
                    deliveries.execute(() -> deliverUntilIdle(s.sid()));
                }
            }
        }
        if (refreshBacklog) {
            backlogRefreshed = now;
        }
        metrics.keepOnly(held);
        leasedUntil.keySet().retainAll(held);
    }

    /**
     * Whether this process holds the subscription's lease, renewing it in the database only when less than
     * half of it is left: no other process can take a lease before it runs out, and a scan per ingested
     * batch would otherwise write one row per subscription each time.
     */
    private boolean holdLease(String sid, Instant now) {
        Instant until = leasedUntil.get(sid);
        if (until != null && until.isAfter(now.plus(leaseTtl.dividedBy(2)))) {
            return true;
        }
        Instant renewed = now.plus(leaseTtl);
        if (store.lease(sid, owner, now, renewed)) {
            leasedUntil.put(sid, renewed);
            return true;
        }
        leasedUntil.remove(sid);
        return false;
    }

    /**
     * Sends deliveries for one subscription until it is caught up, waits for a retry, or fails. Consecutive
     * deliveries of a backlog are chained ({@link DeliveryStep.Result.Acknowledged#next()}) on the row read
     * once, not re-read each time: the chain ends, and the row is read again, when the subscription changes
     * through this process or a poll's time has passed since the read (a change through another process:
     * a PATCH or replay drops the delivery in flight, so the chained write fails at once; a rotated secret
     * is picked up within that time, while the old one still signs validly).
     */
    private void deliverUntilIdle(String sid) {
        try {
            while (!stopped) {
                long started = System.nanoTime();
                long generation = changes.get();
                Subscription current = store.find(sid).orElse(null);
                Instant fresh = clock.instant().plus(settings.poll());
                metrics.phase(PushMetrics.Phase.FIND, started);
                if (current == null) {
                    return;
                }
                java.util.function.BooleanSupplier mayChain = () -> !stopped && changes.get() == generation
                        && clock.instant().isBefore(fresh);
                DeliveryStep.Result result = step.run(current, mayChain);
                while (result instanceof DeliveryStep.Result.Acknowledged(DeliveryStep.InFlight next) && next != null) {
                    result = step.send(current, next, mayChain);
                }
                if (!(result instanceof DeliveryStep.Result.Acknowledged)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("push: delivering subscription {} failed: {}", sid, e.toString());
        } finally {
            running.remove(sid);
            if (rerun.remove(sid)) {
                wake();
            }
        }
    }

    private void awaitSignal(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!signalled && !stopped && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops scanning, interrupts deliveries in flight (they stay pending and are sent again) and frees the leases. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            stopped = true;
            thread = scanner;
        }
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.shutdownNow();
        try {
            deliveries.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.releaseLeases(owner);
        } catch (RuntimeException e) {
            LOG.warn("push: releasing leases failed: {}", e.toString());
        }
    }
}
