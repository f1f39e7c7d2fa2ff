package io.confcdr.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.confcdr.auth.Caller;
import io.confcdr.auth.ForbiddenException;
import io.confcdr.auth.Scopes;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Cdr;
import io.confcdr.model.Partner;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.Filter;
import io.confcdr.query.Order;
import io.confcdr.store.TestRecords;
import io.confcdr.store.memory.MemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who reads which records, without HTTP. */
class CdrReadsTest {

    private final MemoryStorage storage = new MemoryStorage(Clock.systemUTC());
    private final CdrReads reads = new CdrReads(storage.cdrs(), storage.partners());
    private final TestRecords parent = new TestRecords();
    private final TestRecords child = new TestRecords();
    private final Cdr parentCall = parent.call("parent").build();
    private final Cdr childCall = child.call("child").build();

    CdrReadsTest() {
        storage.partners().create(new Partner(parent.partnerSid(), "Parent", null, Partner.ACTIVE, Instant.EPOCH));
        storage.partners().create(new Partner(child.partnerSid(), "Child", parent.partnerSid(), Partner.ACTIVE, Instant.EPOCH));
        storage.cdrs().insert(List.of(parentCall, childCall));
    }

    private Caller token(String... scopes) {
        return new Caller.Bearer(new ApiToken("t", parent.partnerSid(), "t", Set.of(scopes), Instant.EPOCH, null, null, null));
    }

    private List<String> listed(Caller caller) {
        return reads.readerFor(caller).list(CdrQuery.firstPage(Filter.ALL, Order.INSERTION, 10)).items().stream()
                .map(Cdr::callSid).toList();
    }

    @Test
    void aTokenReadsItsOwnPartnersRecordsOnly() {
        assertThat(listed(token(Scopes.APP_READ))).containsExactly(parentCall.callSid());
        assertThat(reads.readerFor(token(Scopes.APP_READ)).find(childCall.callSid())).isEmpty();
    }

    @Test
    void readDescendantWidensToTheSubtree() {
        assertThat(listed(token(Scopes.APP_READ, Scopes.APP_READ_DESCENDANT)))
                .containsExactly(parentCall.callSid(), childCall.callSid());
    }

    @Test
    void appManageReadsToo() {
        assertThat(listed(token(Scopes.APP_MANAGE))).containsExactly(parentCall.callSid());
    }

    @Test
    void withoutAReadingScopeNothingIsRead() {
        assertThatThrownBy(() -> reads.readerFor(token(Scopes.CDR_INGEST))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theOperatorReadsEveryPartner() {
        assertThat(listed(Caller.operator())).containsExactly(parentCall.callSid(), childCall.callSid());
    }
}
