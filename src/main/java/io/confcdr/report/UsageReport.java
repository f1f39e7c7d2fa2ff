package io.confcdr.report;

import io.confcdr.model.Cdr;
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

    /**
     * @param rollupRows under {@code rollup=tree}: for a leg's partner, that partner and each visible
     *                   ancestor, the rows its legs count toward; unused otherwise
     */
    public UsageReport(UsageQuery query, Function<String, List<String>> rollupRows) {
        this.query = query;
        this.rollupRows = rollupRows;
        this.partnerIndex = query.groupBy().indexOf(GroupKey.PARTNER_SID);
    }

    public void add(Cdr cdr) {
        Object[] key = new Object[query.groupBy().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = query.groupBy().get(i).valueOf(cdr, query.zone());
        }
        if (!query.rollupTree()) {
            tally(key).add(cdr, true);
            return;
        }
        for (String partner : rollupRows.apply(cdr.partnerSid())) {
            Object[] rowKey = key.clone();
            rowKey[partnerIndex] = partner;
            tally(rowKey).add(cdr, partner.equals(cdr.partnerSid()));
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
