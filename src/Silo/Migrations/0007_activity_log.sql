-- Customers' activity logs: one row per reminder sent, skipped (with the reason), failed or being
-- retried. Customer grains append entries; the API pages through one customer's entries newest
-- first; a smart reminder carries its payer band. Values use the API's spelling (snake_case enum names). Ids compare byte by byte
-- (collation "C"), like the other read models.

CREATE TABLE IF NOT EXISTS mimo_activity (
    tenant_id   text        COLLATE "C" NOT NULL,
    customer_id text        COLLATE "C" NOT NULL,
    entry_id    uuid        NOT NULL,
    at          timestamptz NOT NULL,
    kind        text        NOT NULL,
    source      text        NOT NULL,
    invoice_ids text[]      NOT NULL DEFAULT '{}',
    subject     text,
    recipients  text[]      NOT NULL DEFAULT '{}',
    message_id  text,
    reason      text,
    step        text,
    band        text,
    -- A grain may write the same entry again after a failure; the key turns that into a no-op.
    -- It is scoped by tenant and customer so that one tenant's ids can never hide another's entries.
    CONSTRAINT mimo_activity_pk PRIMARY KEY (tenant_id, customer_id, entry_id),
    CONSTRAINT mimo_activity_kind CHECK (kind IN ('sent', 'skipped', 'failed', 'retrying')),
    CONSTRAINT mimo_activity_source CHECK (source IN ('smart', 'workflow', 'manual')),
    CONSTRAINT mimo_activity_band CHECK (band IS NULL OR band IN ('timely', 'average', 'late', 'unscored'))
);

-- Pages are read by keyset, (at, entry_id) < the cursor, newest first: this index lets a page
-- start at the cursor and stop after the limit, however long the customer's history is.
CREATE INDEX IF NOT EXISTS mimo_activity_newest_first
    ON mimo_activity (tenant_id, customer_id, at DESC, entry_id DESC);
