import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../../shared/domain';
import { closeSaleDetail, hideCodes, reprintSale, revealCodes } from './historyActions';
import { useFormat } from '../../../ui/useFormat';
import { isKnownKind, reprintDetail } from './historyFilters';
import { useSaleDetailStore, type TimelineEvent } from './historyStore';
import { useSettingsStore } from '../../settings/settingsStore';
import { TitledDialog } from '../../../ui/Dialog';
import { ErrorNote } from '../../../ui/ErrorNote';
import { DataTable } from '../../../ui/DataTable';
import { HtmlFrame } from '../../../ui/HtmlFrame';
import { KeyValues } from '../../../ui/KeyValues';
import { SaleOutcome } from '../../counter/ProgressScreen';
import { SaleMoney } from '../../pending-sales/SaleMoney';
import { RecipientNumber } from '../../top-ups/RecipientNumber';

/** "Détail de la vente n° N": fields, cards (masked until revealed), timeline, reprint. */
export function SaleDetailDialog() {
  const saleId = useSaleDetailStore((s) => s.saleId);
  if (saleId === null) return null;
  return <SaleDetailBody key={saleId} saleId={saleId} />;
}

function Fields({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <KeyValues
      items={[
        { term: t('detail.state'), value: t(`progress.state.${sale.state}`) },
        { term: t('detail.date'), value: f.dateTime(sale.createdAt) },
        { term: t('detail.cashier'), value: sale.cashier, dir: 'auto' },
        { term: t('detail.product'), value: sale.productTitle, dir: 'auto' },
        { term: t('detail.denomination'), value: sale.typeName, dir: 'auto' },
        sale.recipient ? { term: t('topup.number'), value: <RecipientNumber number={sale.recipient} /> } : null,
        sale.topUp?.refundMessage
          ? {
              term: t('topup.providerSaid'),
              value: (
                <span dir="rtl" lang="ar">
                  {sale.topUp.refundMessage}
                </span>
              ),
            }
          : null,
        { term: t('detail.quantity'), value: f.int(sale.quantity) },
        { term: t('detail.delivered'), value: f.int(sale.deliveredQuantity) },
        { term: t('detail.unitPrice'), value: f.money(sale.unitRetailC) },
        { term: t('detail.total'), value: f.money(sale.totalRetailC) },
        sale.orderId ? { term: t('detail.orderId'), value: sale.orderId, dir: 'ltr' } : null,
        sale.reason && { term: t('detail.reason'), value: sale.reason.code, dir: 'ltr' },
      ]}
    />
  );
}

function EventLine({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const f = useFormat();
  let text: string;
  let extra: string | null = event.detail;
  if (event.kind === 'reprinted') {
    const r = reprintDetail(event.detail);
    text = t('timeline.reprinted', { n: f.int(r?.n ?? 0), who: r?.who ?? '' });
    extra = null;
  } else if (event.kind === 'revealed') {
    text = t('timeline.revealed', { who: event.detail ?? '' });
    extra = null;
  } else if (event.kind === 'refund-handed-back') {
    // "<centimes> <who>", written by sales:confirmRefund.
    const [amount, ...who] = (event.detail ?? '').split(' ');
    text = t('money.timelineHandedBack', { amount: f.money(Number(amount) || 0), who: who.join(' ') });
    extra = null;
  } else text = isKnownKind(event.kind) ? t(`timeline.${event.kind}`) : event.kind;
  return (
    <li>
      <time dateTime={event.at}>{f.dateTime(event.at)}</time> — <span>{text}</span>
      {extra && (
        <span className="small muted" dir="ltr">
          {' '}
          ({extra})
        </span>
      )}
    </li>
  );
}

function SaleDetailBody({ saleId }: { saleId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sale = useSaleDetailStore((s) => s.sale);
  const timeline = useSaleDetailStore((s) => s.timeline);
  const revealed = useSaleDetailStore((s) => s.revealed);
  const reprint = useSaleDetailStore((s) => s.reprint);
  const autoPrint = useSettingsStore((s) => s.settings.autoPrint);
  const id = f.int(saleId);
  const value = sale.value;
  const codes = revealed.status === 'ready' ? revealed.value : null;

  return (
    <TitledDialog
      titleId="detail-title"
      title={t('detail.title', { id })}
      closeLabel={t('detail.close')}
      onClose={closeSaleDetail}
      className="detail-dialog"
      stickyHead
    >
      {sale.status === 'loading' && !value && <p className="muted">{t('common.loading')}</p>}
      {sale.error && <ErrorNote error={sale.error} compact />}
      {value && (
        <>
          <Fields sale={value} />
          <SaleOutcome sale={value} />
          <SaleMoney sale={value} />

          <h3>{t('detail.cards')}</h3>
          {value.cards.length === 0 ? (
            <p className="muted">{t('detail.noCards')}</p>
          ) : (
            <DataTable label={t('detail.cardsTable', { id })} unwrapped columns={[t('detail.card'), t('detail.code'), t('detail.serial')]}>
              {value.cards.map((c) => {
                const clear = codes?.find((x) => x.index === c.index);
                return (
                  <tr key={c.index}>
                    <td>{f.int(c.index + 1)}</td>
                    <td>
                      <bdi className="masked" dir="ltr">
                        {clear ? clear.code : c.codeMasked}
                      </bdi>
                    </td>
                    <td>
                      <bdi className="masked" dir="ltr">
                        {clear ? clear.serial : c.serialMasked}
                      </bdi>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
          <div className="row-actions">
            {value.cards.length > 0 &&
              (codes ? (
                <button type="button" className="btn" onClick={hideCodes}>
                  {t('detail.hide')}
                </button>
              ) : (
                <button type="button" className="btn" disabled={revealed.status === 'loading'} onClick={() => void revealCodes()}>
                  {revealed.status === 'loading' ? t('detail.revealing') : t('detail.reveal')}
                </button>
              ))}
            <button type="button" className="btn" disabled={reprint.status === 'loading'} onClick={() => void reprintSale()}>
              {reprint.status === 'loading' ? t('detail.reprinting') : t('detail.reprint')}
            </button>
          </div>
          {codes && <p className="small muted">{t('detail.revealedNote')}</p>}
          {revealed.error && <ErrorNote error={revealed.error} compact />}
          {reprint.error && <ErrorNote error={reprint.error} compact />}
          {reprint.value && (
            <HtmlFrame
              html={reprint.value.html}
              widthMm={reprint.value.paperWidthMm}
              title={t('detail.duplicate')}
              printLabel={t('detail.printDuplicate')}
              printOnLoad={autoPrint}
            />
          )}
        </>
      )}

      <h3>{t('detail.timeline')}</h3>
      {timeline.error && <ErrorNote error={timeline.error} compact />}
      {timeline.status === 'loading' && !timeline.value && <p className="muted">{t('common.loading')}</p>}
      {timeline.value &&
        (timeline.value.length === 0 ? (
          <p className="muted">{t('detail.noTimeline')}</p>
        ) : (
          <ol className="timeline" aria-label={t('detail.timelineList', { id })}>
            {timeline.value.map((e, i) => (
              <EventLine key={`${e.at}-${i}`} event={e} />
            ))}
          </ol>
        ))}
    </TitledDialog>
  );
}
