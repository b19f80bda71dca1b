import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../shared/domain';
import { ERROR_CODES } from '../../../../../shared/result';
import { openSaleDetail } from '../history/historyActions';
import { exceptionAction, loadExceptions } from './exceptionActions';
import { useFormat } from '../../../ui/useFormat';
import { useNow } from '../../../ui/useNow';
import { secondsSince } from '../../pending-sales/saleStates';
import { useExceptionsStore } from './exceptionsStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { DataTable } from '../../../ui/DataTable';
import { HeldSaleActions, RefundNotice } from '../../pending-sales/HeldSaleActions';
import { AdoptedNotice, ReviewSaleActions } from '../review/ReviewSaleActions';
import { SendOrCancelButtons } from '../../pending-sales/SendOrCancelButtons';
import { RecipientNumber } from '../../top-ups/RecipientNumber';
import { ScopePicker, TillName } from '../shop-scope/ScopePicker';
import { isThisTillsSale, saleRowKey } from '../shop-scope/shopScope';
import { useStatusStore } from '../../status-bar/statusStore';

/** What the till knows about an exception, in words: the state's hint, or the refusal's reason. */
function useKnown(): (sale: Sale) => string {
  const { t, i18n } = useTranslation();
  return (sale) => {
    const code = sale.reason?.code ?? '';
    if (sale.state === 'REJECTED' && (ERROR_CODES as readonly string[]).includes(code)) return t(`errors.${code}`);
    const key = `progress.hint.${sale.state}`;
    return i18n.exists(key) ? t(key) : (sale.reason?.message ?? '');
  };
}

/**
 * "Anomalies" (owner): unknown, flagged, expired and refused sales, and sales held because the
 * provider's cost rose above the price paid, with what can be done; a flagged sale (several
 * provider orders could be its lost one) is given its order, or cancelled and refunded.
 */
export function ExceptionsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useExceptionsStore((s) => s.list);
  const busy = useExceptionsStore((s) => s.busy);
  const actionError = useExceptionsStore((s) => s.actionError);
  const known = useKnown();
  const now = useNow(true, 30_000);
  // Held or reviewed sales the owner cancelled here: the money to hand back stays on screen with its slip.
  const [refunds, setRefunds] = useState<Sale[]>([]);
  // Reviewed sales given their order here: they leave the list, so what became of them is said above it.
  const [adopted, setAdopted] = useState<Sale[]>([]);
  const addRefund = (c: Sale) => setRefunds((list) => [c, ...list.filter((x) => x.id !== c.id)]);

  useEffect(() => {
    void loadExceptions();
  }, []);

  const sales = list.value ?? [];
  // Shop scope: each row says its till; a sale is acted on only from the till that made it.
  const shopRows = sales.some((s) => s.till);
  const ownTillId = useStatusStore((st) => st.appStatus?.till.id ?? null);
  const columns = [
    ...(shopRows ? [t('shopScope.colTill')] : []),
    t('exceptions.col.number'),
    t('exceptions.col.date'),
    t('exceptions.col.cashier'),
    t('exceptions.col.product'),
    t('exceptions.col.state'),
    t('exceptions.col.reason'),
    t('exceptions.col.age'),
    t('exceptions.col.actions'),
  ];
  return (
    <div className="exceptions">
      <div className="screen-head">
        <h3 id="exc-heading">{t('exceptions.heading')}</h3>
        <button type="button" className="btn small-btn" disabled={list.status === 'loading'} onClick={() => void loadExceptions()}>
          {t('backoffice.refresh')}
        </button>
      </div>
      <p className="small muted">{t('exceptions.intro')}</p>
      <ScopePicker onChange={() => void loadExceptions()} />
      {list.error && <ErrorNote error={list.error} compact />}
      {actionError && <ErrorNote error={actionError.error} compact />}
      {refunds.map((r) => (
        <RefundNotice key={r.id} sale={r} />
      ))}
      {adopted.map((a) => (
        <AdoptedNotice key={a.id} sale={a} />
      ))}
      {list.status === 'loading' && !list.value && <p className="muted">{t('common.loading')}</p>}
      {list.value && sales.length === 0 && <p>{t('exceptions.empty')}</p>}
      {sales.length > 0 && (
        <DataTable labelledBy="exc-heading" columns={columns}>
          {sales.map((s) => {
            const id = f.int(s.id);
            return (
              <Fragment key={saleRowKey(s)}>
                <tr>
                  {shopRows && (
                    <td>
                      <TillName till={s.till} />
                    </td>
                  )}
                  <td>{id}</td>
                  <td>{f.dateTime(s.createdAt)}</td>
                  <td dir="auto">{s.cashier}</td>
                  <td dir="auto">
                    {s.productTitle} · {s.typeName} × {f.int(s.quantity)}
                    {s.recipient && (
                      <>
                        {' · '}
                        <RecipientNumber number={s.recipient} />
                      </>
                    )}
                  </td>
                  <td>{t(`progress.state.${s.state}`)}</td>
                  <td>
                    {known(s)}
                    {s.reason && (
                      <span className="small muted" dir="ltr">
                        {' '}
                        ({s.reason.code})
                      </span>
                    )}
                  </td>
                  <td>{t('exceptions.age', { age: f.age(secondsSince(s.createdAt, now)) })}</td>
                  <td>
                    {!isThisTillsSale(s, ownTillId) && <span className="small muted">{t('shopScope.otherTill', { name: s.till?.name ?? '' })}</span>}
                    {isThisTillsSale(s, ownTillId) && s.state === 'AWAITING_OWNER' && <HeldSaleActions sale={s} onCancelled={addRefund} />}
                    {isThisTillsSale(s, ownTillId) && (
                      <div className="row-actions">
                        <SendOrCancelButtons
                          state={s.state}
                          id={id}
                          busy={!!busy[s.id]}
                          onSendNow={() => void exceptionAction(s.id, 'sendNow')}
                          onCancel={() => void exceptionAction(s.id, 'cancel')}
                        />
                        <button
                          type="button"
                          className="btn small-btn ghost"
                          aria-label={t('history.openLabel', { id })}
                          onClick={() => void openSaleDetail(s.id)}
                        >
                          {t('history.open')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
                {isThisTillsSale(s, ownTillId) && s.state === 'NEEDS_REVIEW' && (
                  // Its possible orders need the table's whole width: a row of their own, under the sale's.
                  <tr className="review-row">
                    <td colSpan={columns.length}>
                      <ReviewSaleActions sale={s} onCancelled={addRefund} onAdopted={(a) => setAdopted((list) => [a, ...list.filter((x) => x.id !== a.id)])} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
