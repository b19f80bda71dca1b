import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashCount, ShiftReport } from '../../../../shared/shop';
import type { AppErrorShape } from '../../../../shared/result';
import { closeShiftDialog, confirmClose, countCash, reportHtml } from './shiftActions';
import { useFormat } from '../../ui/useFormat';
import { differenceKey } from './shiftReasons';
import { useShiftStore } from './shiftStore';
import { CashAmountField, useCashAmount } from './CashAmountField';
import { TitledDialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { HtmlFrame } from '../../ui/HtmlFrame';
import { KeyValues } from '../../ui/KeyValues';
import { Form } from '../../ui/Form';

/**
 * "Caisse": closing the till's shift in two steps. Step 1 asks for the counted cash and shows no
 * expected figure (the core does not send it before the count). Step 2 shows counted, expected and
 * the difference in words, and closes only on "Confirmer la clôture"; "Recompter" goes back.
 */
export function ShiftDialog() {
  const open = useShiftStore((s) => s.dialogOpen);
  if (!open) return null;
  return <ShiftDialogBody />;
}

type Problem = { kind: 'pending'; saleIds: number[] } | { kind: 'error'; error: AppErrorShape } | null;

function ShiftDialogBody() {
  const { t } = useTranslation();
  const f = useFormat();
  const current = useShiftStore((s) => s.current);
  const status = useShiftStore((s) => s.status);
  const loadError = useShiftStore((s) => s.error);
  const amount = useCashAmount();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [count, setCount] = useState<CashCount | null>(null);
  const [closed, setClosed] = useState<ShiftReport | null>(null);

  const submitCount = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    amount.setProblem(null);
    const o = await countCash(amount.text);
    setBusy(false);
    if (o.kind === 'counted') setCount(o.count);
    else if (o.kind === 'badAmount' || o.kind === 'tooBig') amount.refuse(o.kind);
    else setProblem(o);
  };

  const recount = (why: Problem = null) => {
    setCount(null);
    amount.clear();
    setProblem(why);
  };

  const submitClose = async (c: CashCount) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const o = await confirmClose(c);
    setBusy(false);
    if (o.kind === 'ok') setClosed(o.report);
    else if (o.kind === 'recount') recount({ kind: 'error', error: o.error });
    else setProblem(o);
  };

  return (
    <TitledDialog titleId="shift-title" title={t('shift.title')} closeLabel={t('shift.dismiss')} onClose={closeShiftDialog} className="shift-dialog">
      {closed ? (
        <ClosedShift report={closed} />
      ) : status === 'loading' && !current ? (
        <p className="muted">{t('common.loading')}</p>
      ) : status === 'error' && loadError && !current ? (
        <ErrorNote error={loadError} />
      ) : !current ? (
        <p>{t('shift.noneOpen')}</p>
      ) : count ? (
        <CheckStep count={count} busy={busy} onConfirm={() => void submitClose(count)} onRecount={() => recount()} />
      ) : (
        <Form aria-labelledby="shift-count-step" onSubmit={submitCount}>
          <p>{t('shift.openedAt', { time: f.time(current.openedAt), name: current.openedBy.name })}</p>
          <KeyValues
            className="shift-summary"
            items={[
              { term: t('shift.openingLabel'), value: f.money(current.openingCashC) },
              { term: t('shift.salesCount'), value: f.int(current.salesCount) },
              { term: t('shift.pendingSales'), value: f.int(current.pendingSaleIds.length) },
            ]}
          />
          <h3 id="shift-count-step">{t('shift.countStep')}</h3>
          <p className="small">{t('shift.countIntro')}</p>
          <CashAmountField id="shift-counted" label={t('shift.counted')} hint={t('shift.countedHint')} {...amount.field} />
          <button type="submit" className="btn primary big" disabled={busy}>
            {busy ? t('shift.counting') : t('shift.count')}
          </button>
        </Form>
      )}

      {problem?.kind === 'pending' && (
        <div className="warn-box" role="alert">
          <p>{t('shift.pending', { list: problem.saleIds.map((id) => t('shift.saleRef', { id: f.int(id) })).join(', ') })}</p>
          <p className="small">{t('shift.pendingHint')}</p>
        </div>
      )}
      {problem?.kind === 'error' && <ErrorNote error={problem.error} compact />}
    </TitledDialog>
  );
}

/** Step 2: the count against what was expected, in words and amounts, before anything closes. */
function CheckStep({ count, busy, onConfirm, onRecount }: { count: CashCount; busy: boolean; onConfirm: () => void; onRecount: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const words = t(differenceKey(count.differenceC), { amount: f.money(Math.abs(count.differenceC)) });
  return (
    <section aria-labelledby="shift-check-step">
      <h3 id="shift-check-step">{t('shift.checkStep')}</h3>
      <KeyValues
        className="shift-summary"
        label={t('shift.checkStep')}
        items={[
          { term: t('shift.countedLabel'), value: f.money(count.countedCashC) },
          { term: t('shift.expectedCash'), value: f.money(count.expectedCashC) },
          { term: t('shift.difference'), value: f.money(count.differenceC) },
        ]}
      />
      <p role="status" className={count.differenceC === 0 ? 'ok-box' : 'warn-box'}>
        <strong>{words}</strong>
      </p>
      <p className="small">{t('shift.countedBy', { name: count.countedBy.name })}</p>
      <div className="row-actions">
        <button ref={confirmRef} type="button" className="btn primary big" disabled={busy} onClick={onConfirm}>
          {busy ? t('shift.closing') : t('shift.confirmClose')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onRecount}>
          {t('shift.recount')}
        </button>
      </div>
    </section>
  );
}

/** The closed shift's report, as stored and printed by the core. */
function ClosedShift({ report }: { report: ShiftReport }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<{ status: 'loading' | 'ready' | 'error'; html: string; error: AppErrorShape | null }>({
    status: 'loading',
    html: '',
    error: null,
  });
  useEffect(() => {
    let live = true;
    void reportHtml({ kind: 'shift', shiftId: report.shiftId }).then((r) => {
      if (!live) return;
      setHtml(r.ok ? { status: 'ready', html: r.value.html, error: null } : { status: 'error', html: '', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [report.shiftId]);
  return (
    <div>
      <p role="status">{t('shift.closed')}</p>
      {report.countedBy && <p>{t('shift.countedBy', { name: report.countedBy.name })}</p>}
      {html.status === 'loading' && <p className="muted">{t('shift.loadingReport')}</p>}
      {html.error && <ErrorNote error={html.error} compact />}
      {html.status === 'ready' && <HtmlFrame html={html.html} title={t('shift.report')} printLabel={t('shift.printReport')} />}
    </div>
  );
}
