import type Database from 'better-sqlite3';

/**
 * Ordered schema migrations; `user_version` records how many have run. Append only: a shipped
 * migration is never edited, so every shop's ledger reaches the same schema on upgrade.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE sales (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    state TEXT NOT NULL,
    product_id TEXT NOT NULL,
    product_title TEXT NOT NULL,
    type_id TEXT NOT NULL,
    type_name TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost_c INTEGER NOT NULL,
    unit_retail_c INTEGER NOT NULL,
    cashier TEXT NOT NULL,
    mode TEXT NOT NULL,
    key_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    sent_at INTEGER,
    placed_at INTEGER,
    finished_at INTEGER,
    expires_at INTEGER,
    order_id TEXT,
    delivered_quantity INTEGER NOT NULL DEFAULT 0,
    fulfilled_amount_c INTEGER NOT NULL DEFAULT 0,
    reason_code TEXT,
    reason_message TEXT,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    reconcile_started_at INTEGER,
    last_checked_at INTEGER,
    candidates TEXT,
    print_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX sales_state ON sales(state, id);
  CREATE INDEX sales_created ON sales(created_at);
  CREATE UNIQUE INDEX sales_order_id ON sales(order_id) WHERE order_id IS NOT NULL;
  CREATE TABLE cards (
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    idx INTEGER NOT NULL,
    code_enc BLOB NOT NULL,
    serial_enc BLOB NOT NULL,
    code_last4 TEXT NOT NULL,
    serial_last4 TEXT NOT NULL,
    PRIMARY KEY (sale_id, idx)
  );
  CREATE INDEX cards_code_last4 ON cards(code_last4);
  CREATE TABLE sale_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX sale_events_sale ON sale_events(sale_id);
  CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 2: cashiers with PINs, shifts, and which cashier and shift each sale belongs to.
  `
  CREATE TABLE cashiers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'cashier')),
    pin_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE shifts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cashier_id INTEGER NOT NULL REFERENCES cashiers(id),
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    opening_cash_c INTEGER,
    counted_cash_c INTEGER,
    report TEXT
  );
  CREATE INDEX shifts_cashier ON shifts(cashier_id, closed_at);
  ALTER TABLE sales ADD COLUMN cashier_id INTEGER REFERENCES cashiers(id);
  ALTER TABLE sales ADD COLUMN shift_id INTEGER REFERENCES shifts(id);
  CREATE INDEX sales_shift ON sales(shift_id);
  CREATE INDEX sales_cashier ON sales(cashier_id, created_at);
  `,
  // 3: a customer may read out the serial rather than the code: search its last four too.
  `
  CREATE INDEX cards_serial_last4 ON cards(serial_last4);
  `,
  // PIN lockouts grow with each lockout (so the level must survive a restart) and the owner is
  // told of those they have not seen yet.
  `
  ALTER TABLE cashiers ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE cashiers ADD COLUMN last_lockout_at INTEGER;
  ALTER TABLE cashiers ADD COLUMN unseen_lockouts INTEGER NOT NULL DEFAULT 0;
  `,
  // A real cash count (issue 13): the till's shift names who opened it, who counted the drawer
  // (names kept as they were then) and the expected figure the count was compared with, so the
  // close confirms exactly what the counter saw; recounts are numbered, never hidden.
  `
  ALTER TABLE shifts ADD COLUMN opened_by_name TEXT;
  ALTER TABLE shifts ADD COLUMN counted_by INTEGER REFERENCES cashiers(id);
  ALTER TABLE shifts ADD COLUMN counted_by_name TEXT;
  ALTER TABLE shifts ADD COLUMN counted_at INTEGER;
  ALTER TABLE shifts ADD COLUMN count_expected_c INTEGER;
  ALTER TABLE shifts ADD COLUMN counts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE shifts ADD COLUMN closed_by INTEGER REFERENCES cashiers(id);
  ALTER TABLE shifts ADD COLUMN closed_by_name TEXT;
  CREATE INDEX shifts_open ON shifts(closed_at);
  `,
  // Money the customer can trust (issue 13): a refund counts as handed back only once the cashier
  // confirms it; the amount, when and who are kept on the sale (its timeline says it too).
  `
  ALTER TABLE sales ADD COLUMN refund_handed_c INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sales ADD COLUMN refund_handed_at INTEGER;
  ALTER TABLE sales ADD COLUMN refund_handed_by TEXT;
  `,
  // Product lines as modules (issue 10): each sale names its line; every sale written before lines
  // existed was a gift-card sale. `entry` holds what a line's cashier enters beyond product, type
  // and quantity (a phone number for top-ups), as JSON; gift cards have none. The cards table
  // keeps every line's delivered codes.
  `
  ALTER TABLE sales ADD COLUMN line TEXT NOT NULL DEFAULT 'gift-cards';
  ALTER TABLE sales ADD COLUMN entry TEXT;
  `,
  // Top-ups (issue 11): the ref the till makes before the first send is unique (a resend reuses it,
  // a new sale never does); the provider may answer another ref, kept beside it. The provider's own
  // status word and note (an Arabic refund message, suggested offers) are kept for the slip and the
  // owner. The recipient number is a column so that history finds a sale by its last digits.
  `
  ALTER TABLE sales ADD COLUMN client_ref TEXT;
  ALTER TABLE sales ADD COLUMN provider_ref TEXT;
  ALTER TABLE sales ADD COLUMN provider_status TEXT;
  ALTER TABLE sales ADD COLUMN provider_note TEXT;
  ALTER TABLE sales ADD COLUMN recipient TEXT;
  CREATE UNIQUE INDEX sales_client_ref ON sales(client_ref) WHERE client_ref IS NOT NULL;
  CREATE INDEX sales_recipient ON sales(recipient) WHERE recipient IS NOT NULL;
  `,
  // Several counters on one shared ledger (issue 12): every change to a sale, its timeline, its
  // cards and a shift is noted in the outbox by a trigger, in the same transaction as the change,
  // so nothing a till commits can miss the push to the shop's PostgreSQL server (in seq order,
  // whatever code path wrote it). A deleted sale (a found order given back: Ledger.forgetFound) is
  // noted too, so that a copy pushed meanwhile is removed. The triggers note only while the till is joined to a shared
  // ledger (kv 'outbox' = 'on'): a one-counter till's outbox stays empty.
  `
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL CHECK (tbl IN ('sales', 'sale_events', 'cards', 'shifts')),
    row_id INTEGER NOT NULL
  );
  CREATE TRIGGER outbox_sales_insert AFTER INSERT ON sales WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('sales', NEW.id); END;
  CREATE TRIGGER outbox_sales_update AFTER UPDATE ON sales WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('sales', NEW.id); END;
  CREATE TRIGGER outbox_sales_delete AFTER DELETE ON sales WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('sales', OLD.id); END;
  CREATE TRIGGER outbox_events_insert AFTER INSERT ON sale_events WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('sale_events', NEW.id); END;
  CREATE TRIGGER outbox_cards_insert AFTER INSERT ON cards WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('cards', NEW.sale_id); END;
  CREATE TRIGGER outbox_shifts_insert AFTER INSERT ON shifts WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('shifts', NEW.id); END;
  CREATE TRIGGER outbox_shifts_update AFTER UPDATE ON shifts WHEN (SELECT value FROM kv WHERE key = 'outbox') = 'on'
    BEGIN INSERT INTO outbox (tbl, row_id) VALUES ('shifts', NEW.id); END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** `upTo` lets a test build a ledger exactly as an older till left it (migrations are append-only). */
export function migrate(db: Database.Database, upTo = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the ledger was written by a newer version of the till (schema ${current})`);
  }
  for (let v = current; v < upTo; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
