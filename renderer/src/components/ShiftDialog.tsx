import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '../../../shared/shop';
import type { AppErrorShape } from '../../../shared/result';
import { closeShift, closeShiftDialog, openShift, reportHtml, type ShiftOutcome } from '../actions/shift';
import { useFormat } from '../hooks/useFormat';
import { useShiftStore } from '../stores/shift';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { HtmlFrame } from './HtmlFrame';

/** "Caisse": open a shift (optionally with the drawer's cash), see where it stands, close it. */
export function ShiftDialog() {
  const open = useShiftStore((s) => s.dialogOpen);
  if (!open) return null;
  return <ShiftDialogBody />;
}

type Problem = { kind: 'badAmount' } | { kind: 'pending'; saleIds: number[] } | { kind: 'error'; error: AppErrorShape } | null;

function problemOf(o: ShiftOutcome): Problem {
  return o.kind === 'ok' ? null : o;
}

function ShiftDialogBody() {
  const { t } = useTranslation();
  const f = useFormat();
  const current = useShiftStore((s) => s.current);
  const status = useShiftStore((s) => s.status);
  const loadError = useShiftStore((s) => s.error);
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [closed, setClosed] = useState<ShiftReport | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const run = async (action: (text: string) => Promise<ShiftOutcome>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const o = await action(amount);
    setBusy(false);
    setProblem(problemOf(o));
    if (o.kind === 'ok') {
      setAmount('');
      if (o.report.closedAt) setClosed(o.report);
    }
  };

  const amountField = (id: string, label: string, hint: string, required: boolean) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        dir="ltr"
        autoComplete="off"
        value={amount}
        required={required}
        aria-invalid={problem?.kind === 'badAmount' ? true : undefined}
        aria-describedby={`${id}-hint${problem?.kind === 'badAmount' ? ` ${id}-err` : ''}`}
        onChange={(e) => setAmount(e.target.value)}
      />
      <p id={`${id}-hint`} className="small muted">
        {hint}
      </p>
      {problem?.kind === 'badAmount' && (
        <p id={`${id}-err`} className="field-error">
          {t('shift.badAmount')}
        </p>
      )}
    </div>
  );

  return (
    <Dialog labelledBy="shift-title" onClose={closeShiftDialog} className="shift-dialog" initialFocus={closeRef}>
      <div className="screen-head">
        <h2 id="shift-title">{t('shift.title')}</h2>
        <button ref={closeRef} type="button" className="btn" onClick={closeShiftDialog}>
          {t('shift.dismiss')}
        </button>
      </div>

      {closed ? (
        <ClosedShift report={closed} />
      ) : status === 'loading' && !current ? (
        <p className="muted">{t('common.loading')}</p>
      ) : status === 'error' && loadError && !current ? (
        <ErrorNote error={loadError} />
      ) : !current ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(openShift);
          }}
        >
          <p>{t('shift.none')}</p>
          {amountField('shift-opening', t('shift.openingCash'), t('shift.openingHint'), false)}
          <button type="submit" className="btn primary big" disabled={busy}>
            {busy ? t('shift.opening') : t('shift.open')}
          </button>
        </form>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(closeShift);
          }}
        >
          <p>{t('shift.openedAt', { time: f.time(current.openedAt), name: current.cashierName })}</p>
          <h3>{t('shift.summary')}</h3>
          <dl className="kv shift-summary">
            <dt>{t('shift.openingLabel')}</dt>
            <dd>{f.money(current.openingCashC)}</dd>
            <dt>{t('shift.salesCount')}</dt>
            <dd>{f.int(current.totals.salesCount)}</dd>
            <dt>{t('shift.retailTotal')}</dt>
            <dd>{f.money(current.totals.retailTotalC)}</dd>
            <dt>{t('shift.pendingSales')}</dt>
            <dd>{f.int(current.totals.pending.count)}</dd>
            <dt>{t('shift.expectedCash')}</dt>
            <dd>
              <strong data-testid="expected-cash">{f.money(current.expectedCashC)}</strong>
            </dd>
          </dl>
          {amountField('shift-counted', t('shift.counted'), t('shift.countedHint'), true)}
          <button type="submit" className="btn primary big" disabled={busy}>
            {busy ? t('shift.closing') : t('shift.close')}
          </button>
        </form>
      )}

      {problem?.kind === 'pending' && (
        <div className="warn-box" role="alert">
          <p>{t('shift.pending', { list: problem.saleIds.map((id) => t('shift.saleRef', { id: f.int(id) })).join(', ') })}</p>
          <p className="small">{t('shift.pendingHint')}</p>
        </div>
      )}
      {problem?.kind === 'error' && <ErrorNote error={problem.error} compact />}
    </Dialog>
  );
}

/** The closed shift's report, as stored and printed by the core. */
function ClosedShift({ report }: { report: ShiftReport }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<{ status: 'loading' | 'ready' | 'error'; html: string; error: AppErrorShape | null }>({ status: 'loading', html: '', error: null });
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
      {html.status === 'loading' && <p className="muted">{t('shift.loadingReport')}</p>}
      {html.error && <ErrorNote error={html.error} compact />}
      {html.status === 'ready' && <HtmlFrame html={html.html} title={t('shift.report')} printLabel={t('shift.printReport')} />}
    </div>
  );
}
