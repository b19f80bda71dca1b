import { useTranslation } from 'react-i18next';
import { closeInternetConfirm, confirmInternet, selectedCard } from './internetActions';
import { useInternetStore } from './internetStore';
import { TopUpConfirmDialog } from '../top-ups/TopUpConfirmDialog';

/** The internet read-back: line number, type, the customer and offer the check found, card value, price. */
export function InternetConfirm() {
  const { t } = useTranslation();
  const confirm = useInternetStore((s) => s.confirm);
  const number = useInternetStore((s) => s.number);
  const type = useInternetStore((s) => s.type);
  const check = useInternetStore((s) => s.check.value);
  useInternetStore((s) => s.cards);
  const card = selectedCard();
  if (!confirm.open || !card || !type) return null;
  return (
    <TopUpConfirmDialog
      number={number}
      rows={[
        { term: t('internet.type'), value: type },
        ...(check?.customerId ? [{ term: t('internet.customerId'), value: check.customerId }] : []),
        ...(check?.offer ? [{ term: t('internet.offer'), value: check.offer }] : []),
        { term: t('internet.card'), value: card.name },
      ]}
      priceC={card.retailC}
      confirm={confirm}
      onConfirm={confirmInternet}
      onClose={closeInternetConfirm}
    />
  );
}
