/**
 * The open dialogs, in the order they were shown: the last one is on top. Escape belongs to the
 * top one only. One Escape in a sale's detail once closed the whole back office, because React
 * hands a nested <dialog>'s "cancel" to every dialog around it; so Escape is handled here, once,
 * for every dialog, and the browser's own Escape-closes-the-dialog never runs.
 */
type Entry = { requestClose: () => void };

const stack: Entry[] = [];

export function pushDialog(requestClose: () => void): Entry {
  const entry = { requestClose };
  stack.push(entry);
  if (stack.length === 1) window.addEventListener('keydown', onKeyDown);
  return entry;
}

export function removeDialog(entry: Entry): void {
  const i = stack.indexOf(entry);
  if (i >= 0) stack.splice(i, 1);
  if (stack.length === 0) window.removeEventListener('keydown', onKeyDown);
}

export function isTopDialog(entry: Entry): boolean {
  return stack[stack.length - 1] === entry;
}

export function openDialogCount(): number {
  return stack.length;
}

function onKeyDown(e: KeyboardEvent): void {
  // An element that uses Escape itself (an open list, a field that clears) has said so.
  if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
  const top = stack[stack.length - 1];
  if (!top) return;
  // Cancelling the keydown also cancels the browser's close request for the top <dialog>.
  e.preventDefault();
  if (!e.repeat) top.requestClose();
}
