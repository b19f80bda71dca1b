import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { exportDayCsv, loadDayReport, loadDayReportHtml } from './reportActions';
import { useFormat } from '../../../ui/useFormat';
import { localDay } from '../history/historyFilters';
import { useDayReportStore } from './reportsStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { DataTable, num } from '../../../ui/DataTable';
import { HtmlFrame } from '../../../ui/HtmlFrame';
import { DayForm } from './DayForm';
import { ScopePicker } from '../shop-scope/ScopePicker';

/** "Rapport du jour" (owner): the day's sales, money and shifts; printable and exportable. */
export function DayReportTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useDayReportStore((s) => s.day);
  const report = useDayReportStore((s) => s.report);
  const html = useDayReportStore((s) => s.html);
  const exporting = useDayReportStore((s) => s.exporting);
  const exportError = useDayReportStore((s) => s.exportError);

  useEffect(() => {
    if (!useDayReportStore.getState().day) void loadDayReport(localDay());
  }, []);

  const r = report.value;
  const tot = r?.totals;
  const row = (label: string, value: string, strong = false) => (
    <tr className={strong ? 'strong' : undefined}>
      <th scope="row">{label}</th>
      <td className="n">{value}</td>
    </tr>
  );

  return (
    <div className="day-report">
      <ScopePicker onChange={() => void loadDayReport(day || localDay())} />
      <DayForm
        id="day-day"
        label={t('day.day')}
        day={day}
        onDay={(d) => useDayReportStore.setState({ day: d })}
        onSubmit={() => loadDayReport(day || localDay())}
      >
        <button type="submit" className="btn primary" disabled={report.status === 'loading'}>
          {t('day.show')}
        </button>
        <button type="button" className="btn" disabled={!r} onClick={() => void loadDayReportHtml()}>
          {t('day.print')}
        </button>
        <button type="button" className="btn" disabled={!r || exporting === 'loading'} onClick={() => void exportDayCsv()}>
          {exporting === 'loading' ? t('day.exporting') : t('day.export')}
        </button>
      </DayForm>
      {report.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {report.error && <ErrorNote error={report.error} compact />}
      {exportError && <ErrorNote error={exportError} compact />}
      {html.error && <ErrorNote error={html.error} compact />}
      {html.value && <HtmlFrame html={html.value} title={t('day.frameTitle')} printLabel={t('day.print')} printOnLoad />}

      {r && tot && (
        <>
          <table className="data-table totals-table" aria-label={t('day.totals')}>
            <tbody>
              {row(t('day.salesCount'), f.int(tot.salesCount))}
              {row(t('day.cardsSold'), f.int(tot.cardsSold))}
              {row(t('day.retailTotal'), f.money(tot.retailTotalC), true)}
              {row(t('day.costTotal'), f.money(tot.costTotalC))}
              {row(t('day.margin'), f.money(tot.marginC), true)}
              {row(t('day.partial', { n: f.int(tot.partial.count) }), f.money(tot.partial.refundDueC))}
              {row(t('day.refunded', { n: f.int(tot.refunded.count) }), f.money(tot.refunded.refundDueC))}
              {row(t('day.rejected', { n: f.int(tot.rejected.count) }), f.money(tot.rejected.refundDueC))}
              {row(t('day.cancelled', { n: f.int(tot.cancelled.count) }), f.money(tot.cancelled.refundDueC))}
              {row(t('day.pending', { n: f.int(tot.pending.count) }), f.money(tot.pending.retailC))}
            </tbody>
          </table>

          <h3>{t('day.products')}</h3>
          {tot.byProduct.length === 0 ? (
            <p className="muted">{t('day.empty')}</p>
          ) : (
            <DataTable
              label={t('day.products')}
              unwrapped
              columns={[
                t('day.col.product'),
                t('day.col.denomination'),
                num(t('day.col.sales')),
                num(t('day.col.cards')),
                num(t('day.col.retail')),
                num(t('day.col.cost')),
                num(t('day.col.margin')),
              ]}
            >
              {tot.byProduct.map((l) => (
                <tr key={`${l.productId}/${l.typeId}`}>
                  <td dir="auto">{l.productTitle}</td>
                  <td dir="auto">{l.typeName}</td>
                  <td className="n">{f.int(l.sales)}</td>
                  <td className="n">{f.int(l.cards)}</td>
                  <td className="n">{f.money(l.retailC)}</td>
                  <td className="n">{f.money(l.costC)}</td>
                  <td className="n">{f.money(l.retailC - l.costC)}</td>
                </tr>
              ))}
            </DataTable>
          )}

          <h3>{t('day.cash')}</h3>
          <table className="data-table totals-table" aria-label={t('day.cash')}>
            <tbody>
              {row(t('day.openingCash'), f.money(r.openingCashC))}
              {row(t('day.expectedCash'), f.money(r.expectedCashC), true)}
              {row(t('day.countedCash'), r.countedCashC === null ? t('day.notCounted') : f.money(r.countedCashC))}
            </tbody>
          </table>

          {r.byTill && (
            <>
              <h3>{t('shopScope.byTillHeading')}</h3>
              <DataTable label={t('shopScope.byTillHeading')} unwrapped columns={[t('shopScope.colTill'), num(t('day.col.sales')), num(t('day.col.retail'))]}>
                {r.byTill.map((b) => (
                  <tr key={b.till.id}>
                    <th scope="row" dir="auto">
                      {b.till.name}
                    </th>
                    <td className="n">{f.int(b.salesCount)}</td>
                    <td className="n">{f.money(b.retailTotalC)}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}

          <h3>{t('day.byCashier')}</h3>
          <DataTable label={t('day.byCashier')} unwrapped columns={[t('history.col.cashier'), num(t('day.col.sales')), num(t('day.col.retail'))]}>
            {r.byCashier.map((c) => (
              <tr key={`${c.till?.id ?? ''}:${c.cashier}`}>
                <th scope="row" dir="auto">
                  {c.cashier}
                  {c.till && <span className="small muted"> · {c.till.name}</span>}
                </th>
                <td className="n">{f.int(c.salesCount)}</td>
                <td className="n">{f.money(c.retailTotalC)}</td>
              </tr>
            ))}
          </DataTable>

          <h3>{t('day.shifts')}</h3>
          <DataTable label={t('day.shifts')} unwrapped columns={[t('shift.title'), num(t('day.expectedCash')), num(t('day.countedCash'))]}>
            {r.shifts.map((s) => (
              <tr key={`${s.till?.id ?? ''}:${s.shiftId}`}>
                <th scope="row">
                  {t('day.shiftRow', { id: f.int(s.shiftId), name: s.cashierName })}
                  {s.till && <span className="small muted"> · {s.till.name}</span>}
                  {s.closedAt === null && <span className="small muted"> ({t('day.shiftOpen')})</span>}
                </th>
                <td className="n">{f.money(s.expectedCashC)}</td>
                <td className="n">{s.countedCashC === null ? t('day.notCounted') : f.money(s.countedCashC)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
