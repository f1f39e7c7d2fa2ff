package io.confcdr.store.sql;

import java.time.Clock;

class PostgresSlotSummaryTest extends SlotSummaryContract {

    private String url;

    @Override
    protected SqlStorage open(boolean fresh) {
        if (fresh) {
            url = PostgresTestDatabase.freshSchemaUrl(getClass());
        }
        return SqlStorageFactory.postgres(url, Clock.systemUTC());
    }
}
