import type pg from 'pg';
import { LOCK_NAMESPACE } from './advisory-locks';

/**
 * The shared (shop-wide) schema, as ordered migrations. Append only: a migration that has shipped
 * is never edited or reordered, since tills of different versions meet on one server and each
 * must reach the same schema; a change is a new entry at the end. `shared_schema_migrations`
 * records which versions ran (version = index + 1).
 */
export const SHARED_MIGRATIONS: readonly string[] = [
  // 1: the tills of the shop, and which till owns each provider order (one owner per order: the
  // primary key decides between two tills claiming at once, not code).
  `
  CREATE TABLE tills (
    till_id uuid PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE order_owners (
    order_id text PRIMARY KEY CHECK (order_id <> ''),
    till_id uuid NOT NULL REFERENCES tills(till_id),
    sale_id bigint NOT NULL CHECK (sale_id > 0),
    line text NOT NULL CHECK (line <> ''),
    claimed_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX order_owners_till ON order_owners(till_id, sale_id);
  `,
  // 2: every till's ledger, copied by its pusher (ledger-pusher.ts) from its local SQLite journal.
  // Column names are the local ones (mirror-tables.ts); times stay epoch milliseconds, as locally.
  // A row is its till's (till_id) and its local id; `version` orders the pushes of one row.
  `
  ALTER TABLE tills ADD COLUMN pushed_version bigint NOT NULL DEFAULT 0;
  ALTER TABLE tills ADD COLUMN last_push_at timestamptz;
  CREATE TABLE shop_sales (
    till_id uuid NOT NULL REFERENCES tills(till_id),
    version bigint NOT NULL,
    id bigint NOT NULL,
    state text NOT NULL,
    product_id text NOT NULL,
    product_title text,
    type_id text NOT NULL,
    type_name text,
    quantity bigint NOT NULL,
    unit_cost_c bigint,
    unit_retail_c bigint,
    cashier text,
    mode text,
    key_id text,
    created_at bigint NOT NULL,
    updated_at bigint,
    sent_at bigint,
    placed_at bigint,
    finished_at bigint,
    expires_at bigint,
    order_id text,
    delivered_quantity bigint,
    fulfilled_amount_c bigint,
    reason_code text,
    reason_message text,
    next_attempt_at bigint,
    attempts bigint,
    reconcile_started_at bigint,
    last_checked_at bigint,
    candidates text,
    print_count bigint,
    cashier_id bigint,
    shift_id bigint,
    refund_handed_c bigint,
    refund_handed_at bigint,
    refund_handed_by text,
    line text NOT NULL,
    entry text,
    client_ref text,
    provider_ref text,
    provider_status text,
    provider_note text,
    recipient text,
    PRIMARY KEY (till_id, id)
  );
  CREATE INDEX shop_sales_created ON shop_sales(created_at);
  CREATE INDEX shop_sales_till_created ON shop_sales(till_id, created_at);
  CREATE INDEX shop_sales_state ON shop_sales(state) WHERE state NOT IN ('FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED');
  CREATE INDEX shop_sales_order ON shop_sales(order_id) WHERE order_id IS NOT NULL;
  CREATE TABLE shop_sale_events (
    till_id uuid NOT NULL REFERENCES tills(till_id),
    id bigint NOT NULL,
    sale_id bigint NOT NULL,
    at bigint NOT NULL,
    kind text NOT NULL,
    detail text,
    PRIMARY KEY (till_id, id)
  );
  CREATE INDEX shop_sale_events_sale ON shop_sale_events(till_id, sale_id);
  CREATE TABLE shop_cards (
    till_id uuid NOT NULL REFERENCES tills(till_id),
    sale_id bigint NOT NULL,
    idx bigint NOT NULL,
    code_enc bytea NOT NULL,
    serial_enc bytea NOT NULL,
    code_last4 text,
    serial_last4 text,
    PRIMARY KEY (till_id, sale_id, idx)
  );
  CREATE TABLE shop_shifts (
    till_id uuid NOT NULL REFERENCES tills(till_id),
    version bigint NOT NULL,
    id bigint NOT NULL,
    cashier_id bigint,
    opened_at bigint,
    closed_at bigint,
    opening_cash_c bigint,
    counted_cash_c bigint,
    report text,
    opened_by_name text,
    counted_by bigint,
    counted_by_name text,
    counted_at bigint,
    count_expected_c bigint,
    counts bigint,
    closed_by bigint,
    closed_by_name text,
    PRIMARY KEY (till_id, id)
  );
  `,
  // 3: the shop key every till seals card codes with, only wrapped by a key derived from the shop
  // passphrase (shop-key.ts): the database alone opens no code. One row; the first till creates it.
  `
  CREATE TABLE shop_key (
    id int PRIMARY KEY CHECK (id = 1),
    wrapped bytea NOT NULL,
    salt bytea NOT NULL,
    params jsonb NOT NULL,
    key_check bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  `,
  // 4: what is the shop's rather than one counter's (staff-sync.ts, settings-sync.ts). Cashiers are
  // keyed by their name, lower-cased (each till's local ids differ; its sales keep referring to
  // them). Each row is the last write of any till: `updated_at` (epoch ms) decides, `updated_by`
  // says which till wrote it. Wrong-PIN counters and lockouts stay on each till (not here).
  `
  CREATE TABLE shop_cashiers (
    name_key text PRIMARY KEY CHECK (name_key = lower(name_key) AND name_key <> ''),
    name text NOT NULL CHECK (lower(name) = name_key),
    role text NOT NULL CHECK (role IN ('owner', 'cashier')),
    pin_hash text NOT NULL,
    active boolean NOT NULL,
    updated_at bigint NOT NULL,
    updated_by uuid NOT NULL REFERENCES tills(till_id)
  );
  CREATE INDEX shop_cashiers_updated ON shop_cashiers(updated_at);
  CREATE TABLE shop_settings (
    key text PRIMARY KEY CHECK (key <> ''),
    value jsonb NOT NULL,
    updated_at bigint NOT NULL,
    updated_by uuid NOT NULL REFERENCES tills(till_id)
  );
  CREATE INDEX shop_settings_updated ON shop_settings(updated_at);
  `,
  // 5: the shop-wide views (shop-views/): reports, history search and exceptions over every till's
  // sales. A code's last four characters and a top-up number's last digits are searched by their
  // end: btree indexes on reverse() with text_pattern_ops turn "ends with" into a prefix scan, with
  // no extension needed (pg_trgm ships with Debian's server but may not be installed elsewhere).
  `
  CREATE INDEX shop_cards_code_last4 ON shop_cards(code_last4);
  CREATE INDEX shop_cards_serial_last4 ON shop_cards(serial_last4);
  CREATE INDEX shop_cards_code_rev ON shop_cards(reverse(lower(code_last4)) text_pattern_ops);
  CREATE INDEX shop_cards_serial_rev ON shop_cards(reverse(lower(serial_last4)) text_pattern_ops);
  CREATE INDEX shop_sales_recipient_rev ON shop_sales(reverse(recipient) text_pattern_ops) WHERE recipient IS NOT NULL;
  CREATE INDEX shop_sales_cashier_created ON shop_sales(cashier, created_at);
  CREATE INDEX shop_sales_state_created ON shop_sales(state, created_at);
  CREATE INDEX shop_sales_till_shift ON shop_sales(till_id, shift_id);
  CREATE INDEX shop_shifts_opened ON shop_shifts(opened_at);
  `,
  // 6: the shop's request budget with the provider, per API key (shop-rate-gate.ts): the next free
  // turn, in the SERVER's clock (epoch microseconds), so the tills' own clocks do not matter. The
  // key is a hash of the key's fingerprint (shop-request-slots.ts), never the key.
  `
  CREATE TABLE shop_request_slots (
    key_hash bigint PRIMARY KEY,
    next_at_us bigint NOT NULL
  );
  `,
  // 7: which till took an API key's sender lock and has not given it back yet (sender-marks.ts).
  // The lock dies with its connection (a server restart ends them all); this row does not, so the
  // other tills know an outcome may still be unknown and wait for that till. Keyed by the lock's key.
  `
  CREATE TABLE sender_marks (
    lock_key integer NOT NULL,
    till_id uuid NOT NULL REFERENCES tills(till_id),
    seen_at timestamptz NOT NULL,
    PRIMARY KEY (lock_key, till_id)
  );
  `,
];

export interface MigrationReport {
  /** Versions this call applied (none when another till, or an earlier start, already had). */
  applied: number[];
  /** The schema version once done. */
  version: number;
}

/**
 * Brings the server's schema up to date. Each migration runs in its own transaction holding the
 * migrations advisory lock, and re-reads the applied versions under that lock: a second till
 * starting at the same moment waits, then finds the work done and applies nothing. A migration
 * that fails rolls back whole (PostgreSQL's DDL is transactional), leaving the previous version.
 */
export async function migrateSharedSchema(pool: pg.Pool, migrations: readonly string[] = SHARED_MIGRATIONS): Promise<MigrationReport> {
  const applied: number[] = [];
  const client = await pool.connect();
  let failure: Error | undefined;
  // Lent out, a connection's errors are not heard by the pool; unheard, they would end the process.
  const onError = (e: Error) => (failure ??= e);
  client.on('error', onError);
  try {
    for (let version = 1; version <= migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_NAMESPACE.migrations]);
        // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide.
        await client.query('CREATE TABLE IF NOT EXISTS shared_schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
        const done = await client.query('SELECT 1 FROM shared_schema_migrations WHERE version = $1', [version]);
        if (done.rowCount === 0) {
          await client.query(migrations[version - 1]!);
          await client.query('INSERT INTO shared_schema_migrations (version) VALUES ($1)', [version]);
          applied.push(version);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        failure = e as Error;
        throw e;
      }
    }
    const current = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM shared_schema_migrations');
    return { applied, version: current.rows[0]?.v ?? 0 };
  } finally {
    client.off('error', onError);
    // A failed connection is closed rather than handed to the next caller.
    client.release(failure);
  }
}
