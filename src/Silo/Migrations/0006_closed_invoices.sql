-- Closed (paid or void) invoices. They leave the customer grain's state when they close, so that
-- the state of a customer with years of history stays small, and remain readable from here.

CREATE TABLE IF NOT EXISTS mimo_closed_invoice (
    tenant_id      text          COLLATE "C" NOT NULL,
    customer_id    text          COLLATE "C" NOT NULL,
    invoice_id     text          COLLATE "C" NOT NULL,
    number         text          NOT NULL,
    issue_date     date          NOT NULL,
    due_date       date          NOT NULL,
    currency       char(3)       NOT NULL,
    amount         numeric       NOT NULL,
    amount_paid    numeric       NOT NULL,
    payment_url    text,
    status         text          NOT NULL,
    closed_on      date,
    hold_reason    text,
    hold_until     date,
    hold_placed_at timestamptz,
    payments       jsonb         NOT NULL DEFAULT '[]',
    archived_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT mimo_closed_invoice_pk PRIMARY KEY (tenant_id, customer_id, invoice_id),
    CONSTRAINT mimo_closed_invoice_status CHECK (status IN ('paid', 'void'))
);
