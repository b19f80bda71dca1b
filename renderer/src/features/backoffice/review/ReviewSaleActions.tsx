import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../shared/domain';
import type { AppErrorShape } from '../../../../../shared/result';
import type { ReviewCandidate } from '../../../../../shared/sale-review';
import { api } from '../../../bridge';
import { loadExceptions } from '../exceptions/exceptionActions';
import { openSaleDetail } from '../history/historyActions';
import { receiveSale } from '../../pending-sales/salesActions';
import { useSalesStore } from '../../pending-sales/salesStore';
import { reviewReason } from './reviewReasons';
import { ReviewCandidateList } from './ReviewCandidateList';
import { useFormat } from '../../../ui/useFormat';
import { ErrorNote } from '../../../ui/ErrorNote';

/**
 * The owner's decision on a sale flagged for review (NEEDS_REVIEW): its answer was lost and
 * several provider orders could be the one it created. "Vérifier" lists them; the owner gives the
 * sale one of them, or says none is its order (after a second, explicit confirmation): the sale
 * is cancelled and its whole price is owed back. Either way the row then leaves the list, so what
 * follows (AdoptedNotice, RefundNotice) is shown by the list.
 */
export function ReviewSaleActions({ sale, onAdopted, onCancelled }: { sale: Sale; onAdopted: (sale: Sale) => void; onCancelled: (sale: Sale) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = f.int(sale.id);
  const [candidates, setCandidates] = useState<ReviewCandidate[] | null>(null);
  // What is under way: the list read, or a decision sent (buttons wait meanwhile).
  const [busy, setBusy] = useState<'reading' | 'deciding' | null>(null);
  // A ref as well as the state: two taps in one frame both see busy === null.
  const inFlight = useRef(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const backToDismiss = useRef(false);

  // The question takes the focus on its safe answer (a held Enter must not cancel a sale); answered
  // "no", it gives the focus back to the button that asked it.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (backToDismiss.current) dismissButton.current?.focus();
    backToDismiss.current = false;
  }, [confirming]);

  const keepSale = () => {
    backToDismiss.current = true;
    setConfirming(false);
  };

  /** One step at a time: `step` answers the refusal to show, or null when it went through. */
  const run = async (kind: 'reading' | 'deciding', step: () => Promise<AppErrorShape | null>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(kind);
    setError(null);
    const refused = await step();
    inFlight.current = false;
    setBusy(null);
    setError(refused);
  };

  const readCandidates = async (): Promise<AppErrorShape | null> => {
    const r = await api().call('sales:reviewCandidates', { saleId: sale.id });
    if (r.ok) setCandidates(r.value.candidates);
    return r.ok ? null : r.error;
  };

  const adopt = (orderId: string) =>
    run('deciding', async () => {
      setConfirming(false);
      const r = await api().call('sales:adoptCandidate', { saleId: sale.id, orderId });
      if (!r.ok) {
        // The order was taken meanwhile, or the shop server stopped answering: the list is read
        // again so it says so, beside the refusal.
        const reason = reviewReason(r.error);
        if (reason === 'ORDER_TAKEN' || reason === 'SHOP_UNREACHABLE' || reason === 'HELD_FOR_SALE') await readCandidates();
        return r.error;
      }
      receiveSale(r.value);
      onAdopted(r.value);
      await loadExceptions();
      return null;
    });

  const dismiss = () =>
    run('deciding', async () => {
      const r = await api().call('sales:dismissReview', { saleId: sale.id });
      setConfirming(false);
      if (!r.ok) {
        // Refused because the sale already holds one of its orders: the list says which.
        if (reviewReason(r.error) === 'HELD_FOR_SALE') await readCandidates();
        return r.error;
      }
      receiveSale(r.value);
      onCancelled(r.value);
      await loadExceptions();
      return null;
    });

  return (
    <div className="review-actions">
      <div className="row-actions">
        <button
          type="button"
          className="btn small-btn"
          disabled={busy !== null}
          aria-label={t('review.checkLabel', { id })}
          onClick={() => void run('reading', readCandidates)}
        >
          {t('review.check')}
        </button>
      </div>
      <p className="small" role="status">
        {busy === 'reading' ? t('review.loading') : busy === 'deciding' ? t('review.saving') : ''}
      </p>
      {candidates && (
        <>
          <p className="small">{t('review.intro')}</p>
          {/* To the second, like each order's time: the orders lie minutes around it; the row above gives the day. */}
          <p className="small">{t('review.sentAt', { id, time: f.time(sale.sentAt ?? sale.createdAt) })}</p>
          <ReviewCandidateList id={id} candidates={candidates} busy={busy !== null} onAdopt={(orderId) => void adopt(orderId)} />
          {!confirming && (
            <button
              ref={dismissButton}
              type="button"
              className="btn small-btn danger"
              disabled={busy !== null}
              aria-label={t('review.dismissLabel', { id })}
              onClick={() => setConfirming(true)}
            >
              {t('review.dismiss')}
            </button>
          )}
          {confirming && (
            <div role="group" aria-labelledby={`review-confirm-${sale.id}`} className="review-confirm">
              <p id={`review-confirm-${sale.id}`}>{t('review.confirmQuestion', { id, amount: f.money(sale.totalRetailC) })}</p>
              <div className="row-actions">
                <button
                  type="button"
                  className="btn small-btn danger"
                  disabled={busy !== null}
                  aria-label={t('review.confirmLabel', { id })}
                  onClick={() => void dismiss()}
                >
                  {t('review.confirm')}
                </button>
                <button ref={keepButton} type="button" className="btn small-btn" disabled={busy !== null} onClick={keepSale}>
                  {t('review.keep')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {error && <ErrorNote error={error} compact />}
    </div>
  );
}

/** After an order was given to a sale: it is now read for its codes; its state follows the sale's events. */
export function AdoptedNotice({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = f.int(sale.id);
  const state = useSalesStore((s) => s.byId[sale.id]?.state ?? sale.state);
  return (
    <div role="status" className="adopted-notice">
      <p>
        {t('review.adopted', { id })} {t('review.order')} <span dir="ltr">{sale.orderId}</span>
      </p>
      <p className="small">{t('review.adoptedState', { state: t(`progress.state.${state}`) })}</p>
      <button type="button" className="btn small-btn ghost" aria-label={t('history.openLabel', { id })} onClick={() => void openSaleDetail(sale.id)}>
        {t('history.open')}
      </button>
    </div>
  );
}
