-- Push subscriptions (issue 11). position is the seq of the last acknowledged record: a cursor over cdr,
-- not a queue. pending_* is the one delivery in flight; lease_* says which process delivers it.
-- Dates are epoch milliseconds in both dialects: push state is never filtered by date in SQL.
CREATE TABLE push_subscription (
    sid                   text COLLATE "C" PRIMARY KEY,
    ord                   bigint NOT NULL,
    partner_sid           text NOT NULL,
    descendants           bigint NOT NULL,
    url                   text NOT NULL,
    filter                text,
    include_fields        text,
    exclude_fields        text,
    max_batch             bigint NOT NULL,
    status                text NOT NULL,
    secret                text NOT NULL,
    previous_secret       text,
    previous_secret_until bigint,
    date_created          bigint NOT NULL,
    position              bigint NOT NULL,
    pending_sid           text,
    pending_last_seq      bigint,
    pending_attempts      bigint,
    pending_first_attempt bigint,
    pending_next_attempt  bigint,
    lease_owner           text,
    lease_until           bigint
);

CREATE TABLE push_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_sid text NOT NULL,
    delivery_sid     text NOT NULL,
    attempt          bigint NOT NULL,
    date             bigint NOT NULL,
    status_code      bigint,
    error            text,
    latency_ms       bigint NOT NULL,
    count            bigint NOT NULL,
    first_call_sid   text,
    last_call_sid    text,
    acknowledged     bigint NOT NULL
);
CREATE INDEX push_delivery_subscription ON push_delivery (subscription_sid, id);
