import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SALE_STATES, type SaleState } from '../../../../../shared/domain';
import { exportHistoryCsv, openSaleDetail, searchHistory, setFilters } from './historyActions';
import { loadStaff } from '../staff/staffActions';
import { useFormat } from '../../../ui/useFormat';
import { emptyFilters, type FilterError, type HistoryFilters } from './historyFilters';
import { useHistoryStore } from './historyStore';
import { useStaffStore } from '../staff/staffStore';
import { selectIsOwner, useSessionStore } from '../../session/sessionStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { DataTable, num } from '../../../ui/DataTable';
import { TextField } from '../../../ui/TextField';
import { ProductSelect } from '../../catalog/ProductSelect';
import { Form } from '../../../ui/Form';
import { RecipientNumber } from '../../top-ups/RecipientNumber';
import { ScopePicker, TillName } from '../shop-scope/ScopePicker';
import { isThisTillsSale, saleRowKey } from '../shop-scope/shopScope';
import { useStatusStore } from '../../status-bar/statusStore';

/** "Historique": search the ledger by date, cashier, product, state, number or the end of a code. */
export function HistoryTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const isOwner = useSessionStore(selectIsOwner);
  const filters = useHistoryStore((s) => s.filters);
  const results = useHistoryStore((s) => s.results);
  const exporting = useHistoryStore((s) => s.exporting);
  const exportError = useHistoryStore((s) => s.exportError);
  const staff = useStaffStore((s) => s.list);
  const [filterError, setFilterError] = useState<FilterError | null>(null);

  useEffect(() => {
    if (isOwner && staff.status === 'idle') void loadStaff();
    if (useHistoryStore.getState().results.status === 'idle') void searchHistory();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const search = async () => setFilterError(await searchHistory());
  const exportCsv = async () => setFilterError(await exportHistoryCsv());

  const input = (k: keyof HistoryFilters, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <TextField
      id={`hist-${k}`}
      label={label}
      hint={hint}
      {...extra}
      value={filters[k]}
      invalid={filterError === k || (filterError === 'range' && (k === 'from' || k === 'to'))}
      onChange={(v) => setFilters({ [k]: v })}
    />
  );

  const sales = results.value ?? [];
  // Shop scope: each row says its till; only this till's own sales open here (codes, reprints).
  const shopRows = sales.some((s) => s.till);
  const ownTillId = useStatusStore((st) => st.appStatus?.till.id ?? null);

  return (
    <div className="history">
      {isOwner && <ScopePicker onChange={() => void search()} />}
      <Form className="filters" role="search" aria-label={t('history.filters')} onSubmit={search}>
        {input('from', t('history.from'), { type: 'date' })}
        {input('to', t('history.to'), { type: 'date' })}
        {isOwner && (
          <div className="field">
            <label htmlFor="hist-cashier">{t('history.cashier')}</label>
            <select id="hist-cashier" value={filters.cashier} onChange={(e) => setFilters({ cashier: e.target.value })}>
              <option value="">{t('history.allCashiers')}</option>
              {(staff.value ?? []).map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ProductSelect
          id="hist-product"
          label={t('history.product')}
          emptyLabel={t('history.allProducts')}
          value={filters.productId}
          onChange={(productId) => setFilters({ productId })}
        />
        <div className="field">
          <label htmlFor="hist-state">{t('history.state')}</label>
          <select id="hist-state" value={filters.state} onChange={(e) => setFilters({ state: e.target.value as SaleState | '' })}>
            <option value="">{t('history.allStates')}</option>
            {SALE_STATES.map((st) => (
              <option key={st} value={st}>
                {t(`progress.state.${st}`)}
              </option>
            ))}
          </select>
        </div>
        {input('saleNumber', t('history.saleNumber'), { inputMode: 'numeric', dir: 'ltr' })}
        {input('codeSuffix', t('history.codeSuffix'), { dir: 'ltr', autoComplete: 'off', spellCheck: false }, t('history.codeSuffixHint'))}
        <div className="row-actions filters-actions">
          <button type="submit" className="btn primary" disabled={results.status === 'loading'}>
            {t('history.search')}
          </button>
          <button
            type="button"
            className="btn ghost"
            onClick={() => {
              setFilters(emptyFilters);
              setFilterError(null);
            }}
          >
            {t('history.reset')}
          </button>
          {isOwner && (
            <button type="button" className="btn" disabled={exporting === 'exporting'} onClick={() => void exportCsv()}>
              {exporting === 'exporting' ? t('history.exporting') : t('history.export')}
            </button>
          )}
        </div>
      </Form>
      {filterError && (
        <p className="field-error" role="alert">
          {t(`history.filterError.${filterError}`)}
        </p>
      )}
      {exportError && <ErrorNote error={exportError} compact />}
      {results.error && <ErrorNote error={results.error} compact onRetry={() => void search()} />}
      <p className="small" role="status">
        {results.status === 'loading' ? t('history.searching') : results.status === 'ready' ? t('history.count', { n: f.int(sales.length) }) : ''}
      </p>
      {results.status === 'ready' && sales.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <DataTable
          label={t('history.table')}
          columns={[
            ...(shopRows ? [t('shopScope.colTill')] : []),
            t('history.col.number'),
            t('history.col.date'),
            t('history.col.cashier'),
            t('history.col.product'),
            t('history.col.value'),
            num(t('history.col.qty')),
            t('history.col.state'),
            num(t('money.colPaid')),
            num(t('money.colHandedBack')),
            num(t('money.colNet')),
            t('history.col.actions'),
          ]}
        >
          {sales.map((s) => (
            <tr key={saleRowKey(s)}>
              {shopRows && (
                <td>
                  <TillName till={s.till} />
                </td>
              )}
              <td>{f.int(s.id)}</td>
              <td>{f.dateTime(s.createdAt)}</td>
              <td dir="auto">{s.cashier}</td>
              <td dir="auto">
                {s.productTitle}
                {s.recipient && (
                  <>
                    {' · '}
                    <RecipientNumber number={s.recipient} />
                  </>
                )}
              </td>
              <td dir="auto">{s.typeName}</td>
              <td className="n">
                {s.money.differs ? (
                  <span
                    title={t('money.delivered', { count: s.money.delivered, delivered: f.int(s.money.delivered), ordered: f.int(s.money.ordered) })}
                  >{`${f.int(s.money.delivered)}/${f.int(s.money.ordered)}`}</span>
                ) : (
                  f.int(s.quantity)
                )}
              </td>
              <td>{t(`progress.state.${s.state}`)}</td>
              <td className="n">{f.money(s.money.paidC)}</td>
              <td className="n">
                {s.money.owedC > 0 ? (
                  <span className="warn-text">{t('money.owedAmount', { amount: f.money(s.money.owedC) })}</span>
                ) : s.money.handedBackC > 0 ? (
                  f.money(s.money.handedBackC)
                ) : (
                  ''
                )}
              </td>
              <td className="n">{s.money.differs ? f.money(s.money.netC) : ''}</td>
              <td>
                {isThisTillsSale(s, ownTillId) ? (
                  <button
                    type="button"
                    className="btn small-btn"
                    aria-label={t('history.openLabel', { id: f.int(s.id) })}
                    onClick={() => void openSaleDetail(s.id)}
                  >
                    {t('history.open')}
                  </button>
                ) : (
                  <span className="small muted">{t('shopScope.otherTill', { name: s.till?.name ?? '' })}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
