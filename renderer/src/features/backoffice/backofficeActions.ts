import { useBackofficeStore, type BackofficeTab } from './backofficeStore';

export function openBackoffice(tab: BackofficeTab = 'history'): void {
  useBackofficeStore.setState({ open: true, tab });
}

export function closeBackoffice(): void {
  useBackofficeStore.setState({ open: false });
}

export function selectTab(tab: BackofficeTab): void {
  useBackofficeStore.setState({ tab });
}
