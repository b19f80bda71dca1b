import { api } from '../../bridge';
import { internetNumberProblem, normalizeInternet, type InternetType } from '../../../../shared/phone-numbers';
import type { DenominationView } from '../../../../shared/domain';
import { initialInternet, useInternetStore } from './internetStore';
import { enteredNumber, pressKey, type KeypadKey } from '../top-ups/numberEntry';
import type { TopUpProblem } from '../top-ups/topUpProblems';
import { closedConfirm } from '../top-ups/confirmState';
import { showProgress } from '../top-ups/showProgress';

export const INTERNET_LINE = 'internet';

/** A check that failed for want of the provider (not a refused number): the sale may still wait in the queue. */
const CHECK_UNREACHABLE = new Set(['API_UNREACHABLE', 'API_OUTCOME_UNKNOWN', 'API_RATE_LIMITED', 'API_ERROR', 'API_BAD_RESPONSE']);

async function loadCards(type: InternetType): Promise<void> {
  useInternetStore.setState({ cards: { status: 'loading', value: null, error: null } });
  const r = await api().call('catalog:product', { line: INTERNET_LINE, productId: type });
  if (useInternetStore.getState().type !== type) return;
  useInternetStore.setState((s) => ({
    cards: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.cards.value, error: r.error },
  }));
}

export function reloadCards(): void {
  const type = useInternetStore.getState().type;
  if (type) void loadCards(type);
}

/** ADSL or 4G: the number typed for the other type is kept only if it still reads as one (it is checked again). */
export function chooseInternetType(type: InternetType): void {
  const s = useInternetStore.getState();
  if (s.confirm.status === 'sending' || s.type === type) return;
  useInternetStore.setState({ ...initialInternet, type, number: s.number ? normalizeInternet(type, s.number) : '' });
  void loadCards(type);
}

function applyNumber(number: string): void {
  const s = useInternetStore.getState();
  if (s.confirm.status === 'sending' || number === s.number) return;
  // Another number: the last check was of another line.
  useInternetStore.setState({ number, check: initialInternet.check, confirm: closedConfirm });
}

export const pressInternetKey = (key: KeypadKey): void => applyNumber(pressKey(useInternetStore.getState().number, key));

export function typeInternetNumber(raw: string): void {
  const type = useInternetStore.getState().type ?? 'ADSL';
  applyNumber(enteredNumber(raw, (n) => normalizeInternet(type, n)));
}

/** "Vérifier la ligne": the provider says whose line it is and its offer, for the customer to confirm. */
export async function checkLine(): Promise<void> {
  const s = useInternetStore.getState();
  if (!s.type || s.check.status === 'checking' || internetNumberProblem(s.type, s.number) !== null) return;
  const { type, number } = s;
  useInternetStore.setState({ check: { status: 'checking', value: null, error: null } });
  const r = await api().call('internet:checkNumber', { type, number });
  const now = useInternetStore.getState();
  if (now.type !== type || now.number !== number) return; // typed on meanwhile
  useInternetStore.setState({ check: r.ok ? { status: 'ok', value: r.value, error: null } : { status: 'error', value: null, error: r.error } });
}

export function chooseCard(typeId: string): void {
  const card = useInternetStore.getState().cards.value?.denominations.find((d) => d.typeId === typeId);
  if (card && card.stock > 0) useInternetStore.setState({ typeId });
}

export function selectedCard(): DenominationView | null {
  const { cards, typeId } = useInternetStore.getState();
  return cards.value?.denominations.find((d) => d.typeId === typeId) ?? null;
}

export function internetProblems(): TopUpProblem[] {
  const s = useInternetStore.getState();
  if (!s.type) return [{ kind: 'type' }];
  const out: TopUpProblem[] = [];
  const numberProblem = internetNumberProblem(s.type, s.number);
  if (numberProblem) out.push({ kind: 'number', problem: numberProblem, line: s.type });
  else if (s.check.status !== 'ok' && !(s.check.status === 'error' && CHECK_UNREACHABLE.has(s.check.error?.code ?? ''))) out.push({ kind: 'lineNotChecked' });
  const card = selectedCard();
  if (!card) out.push({ kind: 'card' });
  else if (card.stock < 1) out.push({ kind: 'cardUnavailable' });
  return out;
}

export function openInternetConfirm(): void {
  if (internetProblems().length === 0) useInternetStore.setState({ confirm: { open: true, status: 'idle', error: null } });
}

export function closeInternetConfirm(): void {
  if (useInternetStore.getState().confirm.status !== 'sending') useInternetStore.setState({ confirm: closedConfirm });
}

export async function confirmInternet(): Promise<boolean> {
  const s = useInternetStore.getState();
  const card = selectedCard();
  if (!s.confirm.open || s.confirm.status === 'sending' || !s.type || !card || internetProblems().length > 0) return false;
  useInternetStore.setState({ confirm: { open: true, status: 'sending', error: null } });
  const r = await api().call('sales:confirm', {
    line: INTERNET_LINE,
    productId: s.type,
    typeId: card.typeId,
    quantity: 1,
    expectedUnitRetailC: card.retailC,
    entry: { recipient: s.number },
  });
  if (!r.ok) {
    useInternetStore.setState({ confirm: { open: true, status: 'error', error: r.error } });
    if (r.error.code === 'OUT_OF_STOCK' || r.error.code === 'INVALID_STATE') reloadCards();
    return false;
  }
  // The next customer starts on the same type, with an empty number.
  useInternetStore.setState({ ...initialInternet, type: s.type, cards: s.cards });
  showProgress(r.value);
  return true;
}
