package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.push.Receiver.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Delivery to a real receiver: signed, ordered, retried, paused, replayed, rotated. Run on every store. */
abstract class PushDeliveryContract extends AbstractPushApiTest {

    @Test
    void newRecordsArriveSignedInInsertionOrderAndAdvanceThePosition() {
        ingest(ACME, 2); // before the subscription: not delivered (start defaults to now)
        JsonNode created = subscribe(acmeManager, "\"max_batch\":3");
        String secret = created.get("secret").stringValue();
        List<String> sent = ingest(ACME, 7);

        receiver.awaitAcknowledged(7);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
        for (Receiver.Request request : receiver.requests()) {
            assertThat(verifies(request, secret)).as("signature of %s", request.body()).isTrue();
            assertThat(request.header("webhook-id")).isEqualTo(request.deliverySid());
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.json().get("subscription_sid").stringValue()).isEqualTo(created.get("subscription_sid").stringValue());
            assertThat(request.callSids().size()).isLessThanOrEqualTo(3);
        }
        String sid = created.get("subscription_sid").stringValue();
        receiver.await("lag 0", () -> json(call("GET", BASE + "/" + sid, null, acmeManager)).get("lag_records").asLong() == 0);
        JsonNode log = deliveries(sid, acmeManager);
        assertThat(log.get("total").asInt()).isEqualTo(3);
        JsonNode newest = log.get("items").get(0);
        assertThat(newest.get("acknowledged").asBoolean()).isTrue();
        assertThat(newest.get("last_call_sid").stringValue()).isEqualTo(sent.getLast());
        assertThat(newest.get("status_code").asInt()).isEqualTo(204);
        assertThat(newest.get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aSubscriptionStartingAfterACallSidReceivesWhatWasStoredAfterItThenNewRecords() {
        List<String> before = ingest(ACME, 3);
        String invisible = ingest(GLOBEX, 1).getFirst();
        var refused = call("POST", BASE, "{\"url\":\"" + receiver.url() + "\",\"start\":\"" + invisible + "\"}", acmeManager);
        assertThat(refused.statusCode()).as("a record the token cannot read is no starting point").isEqualTo(422);

        subscribe(acmeManager, "\"start\":\"" + before.get(0) + "\"");
        List<String> after = ingest(ACME, 2);

        receiver.awaitAcknowledged(4);
        assertThat(receiver.acknowledgedCallSids()).containsExactly(before.get(1), before.get(2), after.get(0), after.get(1));
    }

    @Test
    void aFailedDeliveryIsRetriedUnchangedUntilTheReceiverRecovers() {
        receiver.answerNext(new Answer.Status(500), new Answer.Status(503));
        JsonNode created = subscribe(acmeManager, "");
        List<String> sent = ingest(ACME, 3);

        receiver.awaitAcknowledged(3);
        List<Receiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(Receiver.Request::deliverySid).containsOnly(requests.getFirst().deliverySid());
        assertThat(requests).extracting(Receiver.Request::body).containsOnly(requests.getFirst().body());
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
        JsonNode log = awaitLog(created.get("subscription_sid").stringValue(), 3);
        assertThat(log.valueStream().map(entry -> entry.get("attempt").asInt()).toList()).containsExactly(3, 2, 1);
        assertThat(log.get(2).get("status_code").asInt()).isEqualTo(500);
        assertThat(log.get(2).get("error").stringValue()).contains("500");
        assertThat(log.get(2).get("acknowledged").asBoolean()).isFalse();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeGetsTheSameDeliveryAgain() {
        receiver.answerNext(new Answer.Hang());
        JsonNode created = subscribe(acmeManager, "");
        List<String> sent = ingest(ACME, 2);

        receiver.awaitAcknowledged(2);
        assertThat(receiver.requests()).extracting(Receiver.Request::deliverySid).hasSize(2).containsOnly(receiver.requests().getFirst().deliverySid());
        JsonNode first = awaitLog(created.get("subscription_sid").stringValue(), 2).get(1);
        assertThat(first.get("status_code").isNull()).isTrue();
        assertThat(first.get("error").stringValue()).contains("no answer");
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
    }

    @Test
    void aReceiverThatClosesTheConnectionGetsTheSameDeliveryAgain() {
        receiver.answerNext(new Answer.Close(), new Answer.Close());
        JsonNode created = subscribe(acmeManager, "");
        List<String> sent = ingest(ACME, 2);

        receiver.awaitAcknowledged(2);
        assertThat(receiver.requests()).hasSize(3);
        assertThat(receiver.requests()).extracting(Receiver.Request::deliverySid).containsOnly(receiver.requests().getFirst().deliverySid());
        JsonNode first = awaitLog(created.get("subscription_sid").stringValue(), 3).get(2);
        assertThat(first.get("status_code").isNull()).isTrue();
        assertThat(first.get("error").stringValue()).isNotBlank();
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
    }

    @Test
    void aReceiverDownForAWhileLosesNothingAndKeepsTheOrder() {
        JsonNode created = subscribe(acmeManager, "\"max_batch\":2");
        receiver.stop();
        List<String> sent = new ArrayList<>(ingest(ACME, 3));
        String sid = created.get("subscription_sid").stringValue();
        receiver.await("failed attempts while down", () -> deliveries(sid, acmeManager).get("total").asInt() >= 3);
        sent.addAll(ingest(ACME, 3));
        receiver.start();

        receiver.awaitAcknowledged(6);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
        JsonNode log = awaitLog(sid, receiver.requests().size());
        String firstDelivery = log.get(log.size() - 1).get("delivery_sid").stringValue();
        assertThat(receiver.requests().getFirst().deliverySid()).as("the delivery first tried while down").isEqualTo(firstDelivery);
        assertThat(log.get(log.size() - 1).get("status_code").isNull()).isTrue();
    }

    @Test
    void aPausedSubscriptionReceivesNothingUntilResumed() {
        JsonNode created = subscribe(acmeManager, "");
        String sid = created.get("subscription_sid").stringValue();
        assertThat(call("PATCH", BASE + "/" + sid, "{\"status\":\"paused\"}", acmeManager).statusCode()).isEqualTo(200);
        List<String> sent = ingest(ACME, 3);
        receiver.await("the backlog to show", () -> json(call("GET", BASE + "/" + sid, null, acmeManager)).get("lag_records").asInt() == 3);
        assertThat(receiver.requests()).isEmpty();

        assertThat(json(call("PATCH", BASE + "/" + sid, "{\"status\":\"active\"}", acmeManager)).get("status").stringValue()).isEqualTo("active");
        receiver.awaitAcknowledged(3);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
    }

    @Test
    void theBacklogIsCountedUpToItsBoundAndDatedByItsOldestRecord() {
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        assertThat(call("PATCH", BASE + "/" + sid, "{\"status\":\"paused\"}", acmeManager).statusCode()).isEqualTo(200);
        List<String> sent = ingest(ACME, 5);
        receiver.await("the backlog to show", () -> json(call("GET", BASE + "/" + sid, null, acmeManager)).get("lag_records").asInt() == 5);
        var subscription = services.storage().push().find(sid).orElseThrow();
        var visibility = services.subscriptions().visibilityOf(subscription);

        var bounded = services.storage().push().backlog(subscription.position(), io.confcdr.query.Filter.ALL, visibility, 3);

        assertThat(bounded.records()).isEqualTo(3);
        assertThat(bounded.oldestDateInsert())
                .isEqualTo(services.storage().cdrs().find(sent.getFirst(), visibility).orElseThrow().dateInsert());
    }

    @Test
    void recordsFewAndFarBetweenAmongOthersAreReadInOrderAcrossTheReadWindows() {
        List<io.confcdr.model.Cdr> records = new ArrayList<>();
        List<String> acme = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            boolean mine = i == 7 || i == 1500 || i == 2999;
            io.confcdr.model.Cdr cdr = record(mine ? ACME : GLOBEX);
            records.add(cdr);
            if (mine) {
                acme.add(cdr.callSid());
            }
        }
        ingest(records);
        var visibility = new io.confcdr.query.Visibility(java.util.Set.of(ACME));
        var push = services.storage().push();

        var firstTwo = push.recordsAfter(0, io.confcdr.query.Filter.ALL, visibility, 2);
        var rest = push.recordsAfter(firstTwo.getLast().seq(), io.confcdr.query.Filter.ALL, visibility, 100);

        assertThat(firstTwo).extracting(r -> r.cdr().callSid()).containsExactlyElementsOf(acme.subList(0, 2));
        assertThat(rest).extracting(r -> r.cdr().callSid()).containsExactly(acme.get(2));
        assertThat(push.recordsAfter(rest.getLast().seq(), io.confcdr.query.Filter.ALL, visibility, 100)).isEmpty();
    }

    @Test
    void aSubscriptionFailingForLongerThanAllowedStopsAndResumesWhenPatchedActive() {
        receiver.answerNext(new Answer.Status(500), new Answer.Status(500));
        JsonNode created = subscribe(acmeManager, "");
        String sid = created.get("subscription_sid").stringValue();
        List<String> sent = ingest(ACME, 2);
        receiver.await("a first failure", () -> receiver.requests().size() >= 1);
        clock.advance(Duration.ofHours(73));
        receiver.await("failing", () -> json(call("GET", BASE + "/" + sid, null, acmeManager)).get("status").stringValue().equals("failing"));
        int requestsWhenFailing = receiver.requests().size();
        ingest(ACME, 1);
        assertThat(receiver.acknowledgedCallSids()).isEmpty();
        assertThat(receiver.requests()).hasSize(requestsWhenFailing);

        call("PATCH", BASE + "/" + sid, "{\"status\":\"active\"}", acmeManager);
        receiver.awaitAcknowledged(3);
        assertThat(receiver.acknowledgedCallSids().subList(0, 2)).containsExactlyElementsOf(sent);
    }

    @Test
    void replayDeliversEverythingAfterThePointAgainAsNewDeliveries() {
        JsonNode created = subscribe(acmeManager, "");
        String sid = created.get("subscription_sid").stringValue();
        List<String> sent = ingest(ACME, 4);
        receiver.awaitAcknowledged(4);
        List<String> firstDeliveries = receiver.requests().stream().map(Receiver.Request::deliverySid).toList();

        var replay = call("POST", BASE + "/" + sid + "/replay", "{\"after\":\"" + sent.get(1) + "\"}", acmeManager);
        assertThat(replay.statusCode()).isEqualTo(202);
        receiver.awaitAcknowledged(6);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(
                List.of(sent.get(0), sent.get(1), sent.get(2), sent.get(3), sent.get(2), sent.get(3)));
        assertThat(receiver.requests().getLast().deliverySid()).isNotIn(firstDeliveries);

        var fromStart = call("POST", BASE + "/" + sid + "/replay", "{\"date_insert_from\":\"2000-01-01T00:00:00.000Z\"}", acmeManager);
        assertThat(fromStart.statusCode()).isEqualTo(202);
        receiver.awaitAcknowledged(10);
        assertThat(receiver.acknowledgedCallSids().subList(6, 10)).containsExactlyElementsOf(sent);
    }

    @Test
    void replayFromADateDeliversAgainExactlyTheRecordsStoredFromThatDateOn() {
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        List<String> earlier = ingest(ACME, 2);
        clock.advance(Duration.ofSeconds(2));
        String from = io.confcdr.model.Timestamps.format(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        List<String> later = ingest(ACME, 3);
        receiver.awaitAcknowledged(5);

        var replay = call("POST", BASE + "/" + sid + "/replay", "{\"date_insert_from\":\"" + from + "\"}", acmeManager);
        assertThat(replay.statusCode()).isEqualTo(202);
        receiver.awaitAcknowledged(8);
        assertThat(receiver.acknowledgedCallSids().subList(0, 5)).containsExactlyElementsOf(concat(earlier, later));
        assertThat(receiver.acknowledgedCallSids().subList(5, 8)).containsExactlyElementsOf(later);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> joined = new ArrayList<>(a);
        joined.addAll(b);
        return joined;
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForADayThenOnlyTheNewOneSigns() {
        JsonNode created = subscribe(acmeManager, "");
        String sid = created.get("subscription_sid").stringValue();
        String oldSecret = created.get("secret").stringValue();
        var rotated = call("POST", BASE + "/" + sid + "/secret", null, acmeManager);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newSecret = json(rotated).get("secret").stringValue();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(call("GET", BASE + "/" + sid, null, acmeManager).body()).doesNotContain(newSecret).doesNotContain(oldSecret);

        ingest(ACME, 1);
        receiver.awaitAcknowledged(1);
        Receiver.Request during = receiver.requests().getLast();
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(during, oldSecret)).isTrue();
        assertThat(verifies(during, newSecret)).isTrue();

        clock.advance(Duration.ofHours(25));
        ingest(ACME, 1);
        receiver.awaitAcknowledged(2);
        Receiver.Request after = receiver.requests().getLast();
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(signedWith(after, newSecret)).isTrue();
        assertThat(signedWith(after, oldSecret)).isFalse();
    }

    @Test
    void filterAndFieldSelectionShapeWhatIsDelivered() {
        subscribe(acmeManager, "\"filter\":\"direction eq outbound\",\"include_fields\":\"call_sid,direction\"");
        ingest(List.of(record(ACME, "inbound")));
        List<String> outbound = ingest(List.of(record(ACME, "outbound"), record(ACME, "outbound")));
        ingest(List.of(record(ACME, "inbound")));
        List<String> last = ingest(List.of(record(ACME, "outbound")));

        receiver.awaitAcknowledged(3);
        assertThat(receiver.acknowledgedCallSids()).containsExactly(outbound.get(0), outbound.get(1), last.get(0));
        JsonNode item = receiver.requests().getFirst().json().get("items").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("call_sid", "direction");
    }

    @Test
    void excludedFieldsAreLeftOutOfEveryDeliveredRecord() {
        subscribe(acmeManager, "\"exclude_fields\":\"number_src,address_src,user_agent\"");
        List<String> sent = ingest(ACME, 2);

        receiver.awaitAcknowledged(2);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
        JsonNode item = receiver.requests().getFirst().json().get("items").get(0);
        assertThat(item.propertyNames()).contains("call_sid", "partner_sid", "date_stop", "direction")
                .doesNotContain("number_src", "address_src", "user_agent");
    }

    @Test
    void aSubscriptionReceivesOnlyWhatItsCreatingTokenCouldRead() {
        var own = new Receiver();
        try {
            String body = "{\"url\":\"" + own.url() + "\"}";
            assertThat(call("POST", BASE, body, acmeTreeManager).statusCode()).isEqualTo(201);
            subscribe(acmeManager, "");
            List<String> acme = ingest(ACME, 1);
            List<String> paris = ingest(PARIS, 1);
            ingest(GLOBEX, 1);
            List<String> last = ingest(ACME, 1);

            receiver.awaitAcknowledged(2);
            own.awaitAcknowledged(3);
            assertThat(receiver.acknowledgedCallSids()).containsExactly(acme.get(0), last.get(0));
            assertThat(own.acknowledgedCallSids()).containsExactly(acme.get(0), paris.get(0), last.get(0));
        } finally {
            own.close();
        }
    }

    @Test
    void aSubscriptionLeasedByAProcessThatDiedIsTakenOverOnceItsLeaseExpires() throws InterruptedException {
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        call("PATCH", BASE + "/" + sid, "{\"status\":\"paused\"}", acmeManager);
        clock.advance(Duration.ofSeconds(31)); // this process's own lease has run out
        java.time.Instant now = clock.instant();
        assertThat(storage.push().lease(sid, "a-process-killed-with-9", now, now.plus(Duration.ofSeconds(30)))).isTrue();
        call("PATCH", BASE + "/" + sid, "{\"status\":\"active\"}", acmeManager);
        List<String> sent = ingest(ACME, 2);

        // Absence cannot be awaited: give the worker several polls (50 ms each) to prove it keeps off.
        Thread.sleep(300);
        assertThat(receiver.requests()).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        receiver.awaitAcknowledged(2);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
    }

    /** Lets the worker of this process keep off {@code sid}: another (dead) process holds its lease for 30 s. */
    private String leasedByAnotherProcess(String sid) {
        call("PATCH", BASE + "/" + sid, "{\"status\":\"paused\"}", acmeManager);
        clock.advance(Duration.ofSeconds(31)); // this process's own lease has run out
        java.time.Instant now = clock.instant();
        String owner = "a-process-killed-with-9";
        assertThat(storage.push().lease(sid, owner, now, now.plus(Duration.ofSeconds(30)))).isTrue();
        call("PATCH", BASE + "/" + sid, "{\"status\":\"active\"}", acmeManager);
        return owner;
    }

    private DeliveryStep stepOf(String owner) {
        return new DeliveryStep(storage.push(), services.subscriptions(),
                new WebhookSender(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new java.util.Random(1)), Duration.ofHours(72),
                clock, new PushMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), clock), owner);
    }

    @Test
    void aDeliveryRecordedInFlightWithThePreviousAcknowledgementIsSentUnchangedAfterACrash() {
        String sid = subscribe(acmeManager, "\"max_batch\":2").get("subscription_sid").stringValue();
        String owner = leasedByAnotherProcess(sid);
        List<String> sent = ingest(ACME, 5);

        // The other process delivers the first batch; its acknowledgement records the next batch in flight,
        // and the process dies before sending it.
        var result = stepOf(owner).run(storage.push().find(sid).orElseThrow(), () -> true);
        assertThat(result).isInstanceOf(DeliveryStep.Result.Acknowledged.class);
        DeliveryStep.InFlight next = ((DeliveryStep.Result.Acknowledged) result).next();
        assertThat(next).isNotNull();
        assertThat(next.records()).extracting(record -> record.cdr().callSid()).containsExactly(sent.get(2), sent.get(3));
        var stored = storage.push().find(sid).orElseThrow();
        assertThat(stored.pending().deliverySid()).isEqualTo(next.pending().deliverySid());
        assertThat(receiver.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(31)); // its lease runs out: this process takes over
        receiver.awaitAcknowledged(5);
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
        Receiver.Request resent = receiver.requests().get(1);
        assertThat(resent.deliverySid()).isEqualTo(next.pending().deliverySid());
        assertThat(resent.callSids()).containsExactly(sent.get(2), sent.get(3));
    }

    @Test
    void anAcknowledgementRecordsNoNextDeliveryForAProcessThatLostTheLease() {
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        String owner = leasedByAnotherProcess(sid);
        call("PATCH", BASE + "/" + sid, "{\"status\":\"paused\"}", acmeManager); // this process keeps off
        List<String> sent = ingest(ACME, 1);
        var push = storage.push();
        java.time.Instant now = clock.instant();
        var first = new io.confcdr.store.Subscription.Pending("d-1", push.lastSeq(), 1, now, now);
        assertThat(push.setPending(sid, owner, first)).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(push.lease(sid, "the-process-that-took-over", clock.instant(), clock.instant().plusSeconds(30))).isTrue();

        var attempt = new io.confcdr.store.DeliveryAttempt(sid, "d-1", 1, now, 204, null, 1, 1, sent.get(0), sent.get(0), true);
        var next = new io.confcdr.store.Subscription.Pending("d-2", push.lastSeq() + 1, 1, now, now);
        assertThat(push.logAcknowledgedThenPending(attempt, first.lastSeq(), owner, next)).isFalse();
        var stored = push.find(sid).orElseThrow();
        assertThat(stored.position()).isEqualTo(first.lastSeq());
        assertThat(stored.pending()).as("no delivery in flight for the process without the lease").isNull();
    }

    @Test
    void aRedirectIsAFailureNotFollowed() {
        receiver.answerNext(new Answer.Status(302));
        String sid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        List<String> sent = ingest(ACME, 1);

        receiver.awaitAcknowledged(1);
        assertThat(receiver.requests()).hasSize(2);
        JsonNode first = awaitLog(sid, 2).get(1);
        assertThat(first.get("status_code").asInt()).isEqualTo(302);
        assertThat(first.get("acknowledged").asBoolean()).isFalse();
        assertThat(receiver.acknowledgedCallSids()).containsExactlyElementsOf(sent);
    }
}
