import type { UiDict } from './types';

/** English strings of the one-row counter header, the tray sheet and hands-free printing (issue 13). */
export const counterEn = {
  bar: {
    menu: 'Menu',
    queued_one: '{{n}} sale queued',
    queued_other: '{{n}} sales queued',
    shiftOpen: 'Open since {{time}}',
    shiftClosed: 'Closed',
    tray: 'Sales in progress ({{n}})',
    trayClose: 'Close sales in progress',
  },
  autoPrint: {
    reprint: 'Reprint',
    reprintLabel: 'Reprint the receipt of sale #{{id}}',
    reprinting: 'Printing…',
    notPrinted: 'The receipt was not printed. Check the printer (paper, cable, name in the settings) and try again.',
  },
} satisfies UiDict;
