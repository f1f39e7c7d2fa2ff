package io.confcdr.boot;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;

/**
 * The process's meters as Prometheus scrapes them: JVM memory, GC, threads, CPU and uptime, and two rules
 * every meter of confcdr follows on {@code /metrics}. Every timer is a histogram with {@link #LATENCY_BUCKETS}
 * (a summary without quantiles cannot be aggregated across processes nor give a p99), and times are in
 * seconds (Micrometer's own process CPU counter counts nanoseconds, so it is replaced).
 */
final class Meters implements AutoCloseable {

    /** Upper bounds from a fast point lookup to a slow export page. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private static final String NANOSECOND_CPU_COUNTER = "process.cpu.time";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Meters() {
        registry.config()
                .meterFilter(MeterFilter.deny(id -> id.getName().equals(NANOSECOND_CPU_COUNTER)))
                .meterFilter(timersAsHistograms());
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("CPU time used by the confcdr process")
                    .register(registry);
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    private static MeterFilter timersAsHistograms() {
        double[] bucketsNanos = Arrays.stream(LATENCY_BUCKETS).mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bucketsNanos).build().merge(config);
            }
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
