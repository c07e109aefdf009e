-- The customer directory: one row per customer, written through by its grain on every change.
-- Lists, filters and "which customers does this change affect" are answered from here, because
-- grains cannot be queried. Values use the API's spelling (snake_case enum names). Ids compare
-- byte by byte (collation "C"), so pages follow the same order whatever the database's locale.

CREATE TABLE IF NOT EXISTS mimo_customer_directory (
    tenant_id        text        COLLATE "C" NOT NULL,
    customer_id      text        COLLATE "C" NOT NULL,
    name             text        NOT NULL,
    tags             text[]      NOT NULL DEFAULT '{}',
    payment_method   text        NOT NULL,
    reminder_mode    text,
    pay_score        smallint,
    pay_band         text        NOT NULL DEFAULT 'unscored',
    outstanding      jsonb       NOT NULL DEFAULT '[]',
    next_reminder_at timestamptz,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT mimo_customer_directory_pk PRIMARY KEY (tenant_id, customer_id),
    CONSTRAINT mimo_customer_directory_payment_method
        CHECK (payment_method IN ('bank_transfer', 'card', 'direct_debit', 'other')),
    CONSTRAINT mimo_customer_directory_reminder_mode
        CHECK (reminder_mode IS NULL OR reminder_mode IN ('none', 'smart', 'custom')),
    CONSTRAINT mimo_customer_directory_pay_band
        CHECK (pay_band IN ('unscored', 'timely', 'average', 'late')),
    CONSTRAINT mimo_customer_directory_pay_score
        CHECK (pay_score IS NULL OR pay_score BETWEEN 1 AND 100)
);

-- Pages are ordered by customer id within a tenant (the primary key); these serve the filters.
CREATE INDEX IF NOT EXISTS mimo_customer_directory_band
    ON mimo_customer_directory (tenant_id, pay_band, customer_id);

CREATE INDEX IF NOT EXISTS mimo_customer_directory_mode
    ON mimo_customer_directory (tenant_id, reminder_mode, customer_id);

CREATE INDEX IF NOT EXISTS mimo_customer_directory_tags
    ON mimo_customer_directory USING gin (tags);
