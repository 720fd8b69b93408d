-- The complaint desk's schema (SQLite). Times are integer epoch milliseconds, so
-- the shape is the same as on PostgreSQL (crates/numrep-desk-postgres/migrations).

CREATE TABLE complaints (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    e164            TEXT    NOT NULL,
    range_key       TEXT    NOT NULL,
    vendor          TEXT,
    category        TEXT    NOT NULL,
    region          TEXT,
    claimed_company TEXT,
    customer_hash   TEXT,
    note            TEXT,
    call_time       INTEGER,
    received_at     INTEGER NOT NULL
);

-- Counts per key and window read only these (covering) indexes.
CREATE INDEX complaints_number ON complaints (e164, received_at, customer_hash);
CREATE INDEX complaints_range ON complaints (range_key, received_at, customer_hash);
CREATE INDEX complaints_vendor ON complaints (vendor, received_at, customer_hash)
    WHERE vendor IS NOT NULL;
CREATE INDEX complaints_received ON complaints (received_at);
CREATE INDEX complaints_customer ON complaints (customer_hash) WHERE customer_hash IS NOT NULL;

CREATE TABLE idempotency_keys (
    key          TEXT    PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    request_hash TEXT    NOT NULL
);
CREATE INDEX idempotency_keys_complaint ON idempotency_keys (complaint_id);

-- One row per counted key (group_by: 0 number, 1 range, 2 vendor), kept up to date
-- in the transaction that adds or removes complaints.
CREATE TABLE key_stats (
    group_by             INTEGER NOT NULL,
    key                  TEXT    NOT NULL,
    total                INTEGER NOT NULL,
    customers            INTEGER NOT NULL,
    first_at             INTEGER NOT NULL,
    last_at              INTEGER NOT NULL,
    cat_impersonation    INTEGER NOT NULL,
    cat_cold_call        INTEGER NOT NULL,
    cat_adult            INTEGER NOT NULL,
    cat_ping_call        INTEGER NOT NULL,
    cat_fraud            INTEGER NOT NULL,
    cat_debt_collection  INTEGER NOT NULL,
    cat_survey           INTEGER NOT NULL,
    cat_other            INTEGER NOT NULL,
    PRIMARY KEY (group_by, key)
) WITHOUT ROWID;

-- Complaints per key and hashed customer: distinct customers stay exact when
-- complaints are deleted.
CREATE TABLE key_customers (
    group_by      INTEGER NOT NULL,
    key           TEXT    NOT NULL,
    customer_hash TEXT    NOT NULL,
    complaints    INTEGER NOT NULL,
    PRIMARY KEY (group_by, key, customer_hash)
) WITHOUT ROWID;

CREATE TABLE alerts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    rule             TEXT    NOT NULL,
    group_by         INTEGER NOT NULL,
    key              TEXT    NOT NULL,
    window_ms        INTEGER NOT NULL,
    count            INTEGER NOT NULL,
    customers        INTEGER NOT NULL,
    first_at         INTEGER NOT NULL,
    last_at          INTEGER NOT NULL,
    fired_at         INTEGER NOT NULL,
    active_until     INTEGER NOT NULL,
    vendor           TEXT,
    p_value          REAL,
    baseline_per_day REAL
);
CREATE INDEX alerts_key ON alerts (group_by, key, active_until);
CREATE INDEX alerts_active ON alerts (active_until, fired_at);
