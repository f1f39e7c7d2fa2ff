package io.confcdr.report;

import io.confcdr.model.Cdr;
import io.confcdr.store.UsageCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes a usage report from the legs it covers, fed one at a time in any order. Pure: the caller
 * decides which legs (visibility and filter) and, under {@code rollup=tree}, which partner rows each leg
 * counts toward.
 */
public final class UsageReport {

    private final UsageQuery query;
    private final Function<String, List<String>> rollupRows;
    private final int partnerIndex;
    private final Map<List<Object>, Tally> tallies = new HashMap<>();
    /** Per group key: its label cache when it is a calendar key, else null. */
    private final CalendarLabels[] labels;

    /**
     * @param rollupRows under {@code rollup=tree}: for a leg's partner, that partner and each visible
     *                   ancestor, the rows its legs count toward; unused otherwise
     */
    public UsageReport(UsageQuery query, Function<String, List<String>> rollupRows) {
        this.query = query;
        this.rollupRows = rollupRows;
        this.partnerIndex = query.groupBy().indexOf(GroupKey.PARTNER_SID);
        this.labels = query.groupBy().stream().map(key -> key.calendar() ? key.labels(query.zone()) : null)
                .toArray(CalendarLabels[]::new);
    }

    public void add(Cdr cdr) {
        forEachRow(cdr, (tally, own) -> tally.add(cdr, own));
    }

    /**
     * Adds an aggregate cell's sums. With {@link #addSpan} for each of its legs, the same as {@link #add}
     * of each leg, provided every group key takes one value over the cell (the planner's business).
     */
    public void addCell(UsageCell cell) {
        Cdr representative = Cdr.builder().partnerSid(cell.partnerSid()).dateStart(cell.slot())
                .direction(cell.direction()).role(cell.role()).disconnectCause(cell.disconnectCause())
                .customCallType(cell.customCallType()).build();
        forEachRow(representative, (tally, own) -> tally.addSums(cell, own));
    }

    /** Adds a leg's meeting and span, its sums having come with its cell ({@link #addCell}). */
    public void addSpan(Cdr leg) {
        forEachRow(leg, (tally, own) -> tally.addSpan(leg));
    }

    private void forEachRow(Cdr cdr, java.util.function.BiConsumer<Tally, Boolean> action) {
        Object[] key = new Object[query.groupBy().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = labels[i] != null ? labels[i].labelOf(cdr.dateStart()) : query.groupBy().get(i).valueOf(cdr, query.zone());
        }
        if (!query.rollupTree()) {
            action.accept(tally(key), true);
            return;
        }
        for (String partner : rollupRows.apply(cdr.partnerSid())) {
            Object[] rowKey = key.clone();
            rowKey[partnerIndex] = partner;
            action.accept(tally(rowKey), partner.equals(cdr.partnerSid()));
        }
    }

    private Tally tally(Object[] key) {
        return tallies.computeIfAbsent(Arrays.asList(key), k -> new Tally());
    }

    /**
     * The rows, ordered by the group keys in the query's order. Without group keys: exactly one total
     * row, zeros when no leg matched.
     */
    public List<UsageRow> rows() {
        if (query.groupBy().isEmpty() && tallies.isEmpty()) {
            tallies.put(List.of(), new Tally());
        }
        List<UsageRow> rows = new ArrayList<>(tallies.size());
        tallies.forEach((key, tally) -> rows.add(new UsageRow(key, tally.measures(query.rollupTree()))));
        rows.sort(KEY_ORDER);
        return rows;
    }

    /** Lexicographic over the keys, each by {@link GroupKey#VALUE_ORDER}. */
    static final Comparator<UsageRow> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.keys().size(); i++) {
            int c = GroupKey.VALUE_ORDER.compare(a.keys().get(i), b.keys().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
