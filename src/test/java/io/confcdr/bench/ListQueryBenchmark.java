package io.confcdr.bench;

import io.confcdr.generate.GeneratedPartner;
import io.confcdr.generate.TrafficGenerator;
import io.confcdr.generate.TrafficSettings;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.ListRequest;
import io.confcdr.query.ListRequestParser;
import io.confcdr.query.Visibility;
import io.confcdr.store.sql.CdrQueryTranslator;
import io.confcdr.store.sql.CdrTable;
import io.confcdr.store.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a list request costs before the database sees it: parsing the query parameters (filter with a
 * partner and a date range, order, limit) and translating them to the page's SQL with its bind values,
 * as {@code CdrPageReader} builds it, for a caller that sees the whole generated partner tree. The floor
 * is rendering a fixed query of the same shape with no parsing and no translation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ListQueryBenchmark {

    @Param({"POSTGRES", "SQLITE"})
    public String dialect;

    private Map<String, List<String>> params;

    private DSLContext dsl;
    private CdrTable cdr;
    private CdrQueryTranslator translator;
    private Visibility visibility;
    private Query fixed;

    @Setup(Level.Trial)
    public void prepare() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        var generator = new TrafficGenerator(TrafficSettings.ofSeed(1));
        String partner = generator.records(1).next().partnerSid();
        params = Map.of(
                "filter", List.of("partner_sid eq " + partner + " and date_stop ge 2024-12-02"
                        + " and date_stop lt '2024-12-09 00:00:00' and role in (host, participant)"),
                "order", List.of("date_stop desc"),
                "limit", List.of("1000"));
        Dialect sqlDialect = Dialect.valueOf(dialect);
        dsl = DSL.using(sqlDialect.jooqDialect(), new Settings().withRenderSchema(false).withExecuteLogging(false));
        cdr = new CdrTable(sqlDialect);
        translator = new CdrQueryTranslator(cdr, sqlDialect);
        visibility = Visibility.of(generator.partners().stream()
                .map(GeneratedPartner::sid).toArray(String[]::new));
        fixed = buildSql(ListRequestParser.parse(params).query());
    }

    @Benchmark
    public ListRequest parse() {
        return ListRequestParser.parse(params);
    }

    @Benchmark
    public void parseAndTranslate(Blackhole sink) {
        Query query = buildSql(ListRequestParser.parse(params).query());
        sink.consume(query.getSQL());
        sink.consume(query.getBindValues());
    }

    @Benchmark
    public void renderFixedQuery(Blackhole sink) {
        sink.consume(fixed.getSQL());
        sink.consume(fixed.getBindValues());
    }

    private Query buildSql(CdrQuery query) {
        return dsl.select(cdr.selectColumns())
                .from(cdr.table())
                .where(translator.visibility(visibility).and(translator.filter(query.filter())))
                .orderBy(translator.sortFields(query.order(), false))
                .limit(query.limit() + 1)
                .offset(query.offset());
    }
}
