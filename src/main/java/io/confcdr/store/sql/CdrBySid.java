package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.query.Visibility;
import java.sql.ResultSet;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * {@code GET …/calls/{call_sid}}: one record by its sid, the most frequent read. Its SQL has one shape, so
 * jOOQ renders it once, here, and every request runs it on a statement prepared once per connection.
 * Visibility is checked on the row rather than in SQL, which keeps the SQL the same for every caller; the
 * outcome is the same, since call_sid is unique.
 */
final class CdrBySid {

    private final SqlDatabase db;
    private final CdrRows rows;
    private final String sql;

    CdrBySid(SqlDatabase db, CdrTable cdr, CdrRows rows) {
        this.db = db;
        this.rows = rows;
        this.sql = db.dsl().render(db.dsl()
                .select(cdr.selectColumns())
                .from(cdr.table())
                .where(cdr.callSid().eq(DSL.param("call_sid", String.class)))
                .orderBy(cdr.seq()));
    }

    /**
     * The first stored of the visible records with this call_sid. Usually there is one record or none; the
     * same call_sid under several partners (each its own record) is rare, and the rows are few.
     */
    Optional<Cdr> find(String callSid, Visibility visibility) {
        Cdr found = db.query(sql, statement -> {
            statement.setString(1, callSid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Cdr row = rows.read(rs);
                    if (visibility.allows(row.partnerSid())) {
                        return row;
                    }
                }
                return null;
            }
        });
        return Optional.ofNullable(found);
    }
}
