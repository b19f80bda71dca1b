import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../shared/domain';
import { cancelSale, forgetFinished, openSaleReceipt, sendSaleNow } from './salesActions';
import { useFormat } from '../../ui/useFormat';
import { useNarrow } from '../../ui/useMediaQuery';
import { useNow } from '../../ui/useNow';
import { hasReceipt, isPending, secondsSince } from './saleStates';
import { useReceiptsStore } from '../receipts/receiptsStore';
import { useSalesStore } from './salesStore';
import { reprintFromTray } from '../receipts/receiptActions';
import { ErrorNote } from '../../ui/ErrorNote';
import { SaleOutcome } from '../counter/ProgressScreen';
import { SaleMoney } from './SaleMoney';
import { SendOrCancelButtons } from './SendOrCancelButtons';
import { RecipientNumber } from '../top-ups/RecipientNumber';

function TrayItem({ sale, now }: { sale: Sale; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useSalesStore((s) => !!s.busy[sale.id]);
  const reprinting = useReceiptsStore((s) => s.reprinting?.[sale.id] === 'printing');
  const reprintError = useReceiptsStore((s) => s.reprintErrors?.[sale.id] ?? null);
  const id = f.int(sale.id);
  const finished = !isPending(sale.state);
  return (
    <li className={`tray-item state-${sale.state}`}>
      <div className="tray-line">
        <strong>{t('tray.sale', { id })}</strong>
        <span className="small muted">{t('tray.age', { age: f.age(secondsSince(sale.createdAt, now)) })}</span>
      </div>
      <div className="small">{t('tray.item', { product: sale.productTitle, type: sale.typeName, n: f.int(sale.quantity) })}</div>
      {sale.recipient && (
        <div className="small">
          <RecipientNumber number={sale.recipient} />
        </div>
      )}
      <div className="tray-state">{t(`progress.state.${sale.state}`)}</div>
      {finished && <SaleOutcome sale={sale} />}
      {finished && <SaleMoney sale={sale} />}
      {finished && sale.cards.length > 0 && (
        <div className="small">
          {t('tray.cards')}{' '}
          <bdi className="masked" dir="ltr">
            {sale.cards.map((c) => c.codeMasked).join(', ')}
          </bdi>
        </div>
      )}
      {reprintError === 'notPrinted' ? (
        <p className="error-note compact" role="alert">
          {t('autoPrint.notPrinted')}
        </p>
      ) : (
        reprintError && <ErrorNote error={reprintError} compact />
      )}
      <div className="row-actions">
        <SendOrCancelButtons state={sale.state} id={id} busy={busy} onSendNow={() => void sendSaleNow(sale.id)} onCancel={() => void cancelSale(sale.id)} />
        {finished && hasReceipt(sale.state) && (
          <button
            type="button"
            className="btn small-btn"
            disabled={reprinting}
            aria-label={t('autoPrint.reprintLabel', { id })}
            onClick={() => void reprintFromTray(sale.id)}
          >
            {reprinting ? t('autoPrint.reprinting') : t('autoPrint.reprint')}
          </button>
        )}
        {finished && hasReceipt(sale.state) && (
          <button type="button" className="btn small-btn" aria-label={t('tray.openReceiptLabel', { id })} onClick={() => openSaleReceipt(sale.id)}>
            {t('tray.openReceipt')}
          </button>
        )}
        {finished && (
          <button type="button" className="btn small-btn ghost" aria-label={t('tray.forgetLabel', { id })} onClick={() => forgetFinished(sale.id)}>
            {t('tray.forget')}
          </button>
        )}
      </div>
    </li>
  );
}

/** The pending sales (oldest first) and those finished during this session. */
export function useTraySales(): { pending: Sale[]; finished: Sale[] } {
  const byId = useSalesStore((s) => s.byId);
  const finishedIds = useSalesStore((s) => s.finishedThisSession);
  const pending = useMemo(
    () =>
      Object.values(byId)
        .filter((s) => isPending(s.state))
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    [byId],
  );
  const finished = useMemo(() => finishedIds.map((id) => byId[id]).filter((s): s is Sale => !!s && !isPending(s.state)), [byId, finishedIds]);
  return { pending, finished };
}

/** What the tray lists; the same in the side panel and in the sheet of a narrow screen. */
export function TrayContent({ headingId, headingAction }: { headingId: string; headingAction?: ReactNode }) {
  const { t } = useTranslation();
  const actionError = useSalesStore((s) => s.actionError);
  const { pending, finished } = useTraySales();
  const now = useNow(pending.length > 0 || finished.length > 0);
  return (
    <>
      <div className="tray-head">
        <h2 id={headingId} className="tray-heading">
          {t('tray.heading')}
          {pending.length > 0 && <span className="count-pill">{pending.length}</span>}
        </h2>
        {headingAction}
      </div>
      {actionError && <ErrorNote error={actionError.error} compact />}
      {pending.length === 0 ? (
        <p className="small muted">{t('tray.empty')}</p>
      ) : (
        <ul className="tray-list">
          {pending.map((s) => (
            <TrayItem key={s.id} sale={s} now={now} />
          ))}
        </ul>
      )}
      {finished.length > 0 && (
        <>
          <h3 className="tray-subheading">{t('tray.finished')}</h3>
          <ul className="tray-list">
            {finished.map((s) => (
              <TrayItem key={s.id} sale={s} now={now} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * "Ventes en cours" beside the products. Below 900 px there is no room for it: the header's
 * tray button opens the same list as a sheet (TraySheet), so a queued sale is never out of reach.
 */
export function SalesTray() {
  const narrow = useNarrow();
  if (narrow) return null;
  return (
    <aside className="tray" aria-labelledby="tray-heading">
      <TrayContent headingId="tray-heading" />
    </aside>
  );
}
