import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopUpConfirm } from './confirmState';
import { useEnterConfirms } from './useEnterConfirms';
import { useFormat } from '../../ui/useFormat';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { RecipientNumber } from './RecipientNumber';

/**
 * The read-back before a top-up is sent: the number in very large grouped digits for the customer
 * to check aloud, then what is sold and what to collect. Enter or a tap confirms, once.
 */
export function TopUpConfirmDialog({
  number,
  rows,
  priceC,
  confirm,
  onConfirm,
  onClose,
}: {
  number: string;
  rows: { term: string; value: ReactNode }[];
  priceC: number;
  confirm: TopUpConfirm;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // Set on the first press, before React re-renders: a double tap or Enter sends one top-up.
  const sent = useRef(false);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(retry.current), []);
  const sending = confirm.status === 'sending';

  const press = () => {
    if (sent.current) return;
    sent.current = true;
    if (confirmRef.current) confirmRef.current.disabled = true;
    void onConfirm().then((ok) => {
      if (ok) return;
      retry.current = setTimeout(() => {
        sent.current = false;
        if (confirmRef.current) confirmRef.current.disabled = false;
      }, 800);
    });
  };
  useEnterConfirms(titleRef, editRef, press);

  return (
    <Dialog labelledBy="topup-confirm-title" onClose={onClose} className="confirm-dialog topup-confirm" initialFocus={confirmRef}>
      <h2 id="topup-confirm-title" ref={titleRef}>
        {t('topup.confirm.title')}
      </h2>
      <p className="small muted">{t('topup.confirm.readBack')}</p>
      <p className="readback-number">
        <span className="visually-hidden">{t('topup.confirm.numberLabel')} </span>
        <RecipientNumber number={number} />
      </p>
      <dl className="confirm-list">
        {rows.map((r) => (
          <div key={r.term} className="confirm-row">
            <dt>{r.term}</dt>
            <dd dir="auto">{r.value}</dd>
          </div>
        ))}
        <div className="confirm-row">
          <dt className="to-collect">{t('confirm.toCollect')}</dt>
          <dd className="to-collect" data-testid="to-collect">
            {f.money(priceC)}
          </dd>
        </div>
      </dl>
      {confirm.error && <ErrorNote error={confirm.error} />}
      <div className="dialog-actions">
        <button ref={editRef} type="button" className="btn big" disabled={sending} onClick={onClose}>
          {t('topup.confirm.edit')}
        </button>
        <button ref={confirmRef} type="button" className="btn primary big" disabled={sending} onClick={press}>
          {t('topup.confirm.confirm')}
        </button>
      </div>
      {sending && <p className="muted center">{t('confirm.sending')}</p>}
    </Dialog>
  );
}
