/**
 * The shop-wide copy of every till's ledger: which local columns each shared table carries. The
 * pusher copies exactly these (so a column added locally is not silently shared) and the shared
 * schema's migration 2 creates them; the names are the local ones, so the shop-wide reports read
 * the same column names as the one-till reports. Every row also carries `till_id` (and mutable
 * rows a `version`, the local outbox's high-water mark when the row was read: a later push always
 * wins, a replayed older one never overwrites it).
 */
export const SALE_COLUMNS = [
  'id',
  'state',
  'product_id',
  'product_title',
  'type_id',
  'type_name',
  'quantity',
  'unit_cost_c',
  'unit_retail_c',
  'cashier',
  'mode',
  'key_id',
  'created_at',
  'updated_at',
  'sent_at',
  'placed_at',
  'finished_at',
  'expires_at',
  'order_id',
  'delivered_quantity',
  'fulfilled_amount_c',
  'reason_code',
  'reason_message',
  'next_attempt_at',
  'attempts',
  'reconcile_started_at',
  'last_checked_at',
  'candidates',
  'print_count',
  'cashier_id',
  'shift_id',
  'refund_handed_c',
  'refund_handed_at',
  'refund_handed_by',
  'line',
  'entry',
  'client_ref',
  'provider_ref',
  'provider_status',
  'provider_note',
  'recipient',
] as const;

export const EVENT_COLUMNS = ['id', 'sale_id', 'at', 'kind', 'detail'] as const;

export const CARD_COLUMNS = ['sale_id', 'idx', 'code_enc', 'serial_enc', 'code_last4', 'serial_last4'] as const;

export const SHIFT_COLUMNS = [
  'id',
  'cashier_id',
  'opened_at',
  'closed_at',
  'opening_cash_c',
  'counted_cash_c',
  'report',
  'opened_by_name',
  'counted_by',
  'counted_by_name',
  'counted_at',
  'count_expected_c',
  'counts',
  'closed_by',
  'closed_by_name',
] as const;
