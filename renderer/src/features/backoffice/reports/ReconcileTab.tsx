import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { adoptMissingOrders, loadReconcileHtml, runReconcile } from './reportActions';
import { useFormat } from '../../../ui/useFormat';
import { localDay } from '../history/historyFilters';
import { useReconcileStore } from './reportsStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { HtmlFrame } from '../../../ui/HtmlFrame';
import { KeyValues } from '../../../ui/KeyValues';
import { DayForm } from './DayForm';
import { ScopePicker } from '../shop-scope/ScopePicker';

/**
 * "Rapprochement" (owner): the ledger against the provider for one day; adopt what the till lacks.
 * On a till joined to a shop, the whole shop (or one till of it) can be compared too: each
 * discrepancy then names its till, and adopting stays a till's own act.
 */
export function ReconcileTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const day = useReconcileStore((s) => s.day);
  const report = useReconcileStore((s) => s.report);
  const adopting = useReconcileStore((s) => s.adopting);
  const html = useReconcileStore((s) => s.html);

  useEffect(() => {
    if (!useReconcileStore.getState().day) useReconcileStore.setState({ day: localDay() });
  }, []);

  const r = report.value;
  const running = report.status === 'loading';
  const shopWide = r?.scope === 'shop';
  // In shop scope nothing is adopted: the sale would be this till's, chosen by the owner on the till that keeps it.
  // A flagged sale's candidates wait for the owner's review (Anomalies), never adopted as found.
  const toAdopt =
    r && !shopWide ? r.missingInLedger.filter((o) => o.adoptedSaleId === null && o.reviewSaleId === undefined && o.productId && o.typeId).length : 0;
  const withTill = (till: { name: string } | undefined, line: string) => (till ? t('shopScope.reconcileTillLine', { till: till.name, line }) : line);

  const section = (id: string, heading: string, items: string[]) => (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('reconcile.none')}</p>
      ) : (
        <ul aria-labelledby={id} className="plain-list reconcile-list">
          {items.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="reconcile">
      <ScopePicker onChange={() => void runReconcile(day || localDay())} />
      <DayForm
        id="rec-day"
        label={t('reconcile.day')}
        day={day}
        onDay={(d) => useReconcileStore.setState({ day: d })}
        onSubmit={() => runReconcile(day || localDay())}
      >
        <button type="submit" className="btn primary" disabled={running}>
          {t('reconcile.run')}
        </button>
        <button type="button" className="btn" disabled={!r || running} onClick={() => void loadReconcileHtml()}>
          {t('reconcile.print')}
        </button>
      </DayForm>
      <p className="small" role="status">
        {running ? (adopting === 'loading' ? t('reconcile.adopting') : t('reconcile.running')) : ''}
      </p>
      {report.error && <ErrorNote error={report.error} compact />}
      {html.error && <ErrorNote error={html.error} compact />}
      {r && (
        <>
          {r.till && <p className="small muted">{t('shopScope.reconcileOneTill', { name: r.till.name })}</p>}
          {section(
            'rec-missing-ledger',
            t(shopWide ? 'shopScope.reconcileMissingInShop' : 'reconcile.missingInLedger', { n: f.int(r.missingInLedger.length) }),
            r.missingInLedger.map((o) => {
              const line = t('reconcile.orderLine', { order: o.orderId, status: o.status, amount: f.money(o.amountC) });
              const when = o.time ? ` — ${f.dateTime(o.time)}` : '';
              const reviewId = o.reviewSaleId ? f.int(o.reviewSaleId) : null;
              const review =
                reviewId === null
                  ? ''
                  : ` — ${o.reviewTill ? t('reconcile.inReviewAt', { id: reviewId, till: o.reviewTill.name }) : t('reconcile.inReview', { id: reviewId })}`;
              return `${line}${when}${o.adoptedSaleId ? ` — ${t('reconcile.adoptedAs', { id: f.int(o.adoptedSaleId) })}` : ''}${review}`;
            }),
          )}
          {shopWide && r.missingInLedger.length > 0 && <p className="small">{t('shopScope.reconcileAdoptFromTill')}</p>}
          {toAdopt > 0 && (
            <button type="button" className="btn primary" disabled={running} onClick={() => void adoptMissingOrders()}>
              {t('reconcile.adopt')}
            </button>
          )}
          {section(
            'rec-missing-provider',
            t('reconcile.missingAtProvider', { n: f.int(r.missingAtProvider.length) }),
            r.missingAtProvider.map((m) =>
              withTill(m.till, t('reconcile.saleLine', { id: f.int(m.saleId), order: m.orderId, state: t(`progress.state.${m.state}`) })),
            ),
          )}
          {section(
            'rec-diff',
            t('reconcile.amountDifferences', { n: f.int(r.amountDifferences.length) }),
            r.amountDifferences.map((d) =>
              withTill(d.till, t('reconcile.diffLine', { id: f.int(d.saleId), ledger: f.money(d.ledgerC), provider: f.money(d.providerC) })),
            ),
          )}
          <h3>{t('reconcile.totals')}</h3>
          <KeyValues
            items={[
              { term: t('reconcile.providerOrders'), value: f.int(r.providerOrders) },
              { term: t(shopWide ? 'shopScope.reconcileShopSales' : 'reconcile.ledgerSales'), value: f.int(r.ledgerSales) },
              { term: t(shopWide ? 'shopScope.reconcileShopCost' : 'reconcile.ledgerCost'), value: f.money(r.ledgerCostC) },
              { term: t('reconcile.providerCharged'), value: f.money(r.providerChargedC) },
              { term: t('reconcile.accountNet'), value: r.accountNetDebitC === null ? '—' : f.money(r.accountNetDebitC) },
            ]}
          />
        </>
      )}
      {html.value && <HtmlFrame html={html.value} title={t('reconcile.frameTitle')} printLabel={t('reconcile.print')} printOnLoad />}
    </div>
  );
}
