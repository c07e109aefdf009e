-- The catalogue Orleans' ADO.NET providers read their statements from at start-up.
-- The providers name it without quotes, so it must be lower case: orleansquery(querykey, querytext).
-- Each later migration that owns provider statements writes its own rows here.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);
