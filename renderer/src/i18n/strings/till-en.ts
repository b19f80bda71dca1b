import type { UiDict } from './types';

/** English strings for several counters (issue 12): the till's line in the header, its settings. */
export const tillEn = {
  tillStatus: {
    label: 'Till and shared ledger',
    line: '{{name}} · {{state}}',
    connecting: 'Connecting to the shared ledger…',
    reachable: 'Shared ledger reachable',
    unreachable: 'Shared ledger unreachable',
    'needs-shop-key': 'Shared ledger: waiting for the shop passphrase',
    pending_one: '{{state}} — {{n}} change waiting',
    pending_other: '{{state}} — {{n}} changes waiting',
  },
  tillSettings: {
    title: 'Several tills',
    intro:
      'Tills joined to the same shared ledger have the same cashiers and the same “whole shop” settings. Shifts, the printer and the language stay each till’s own.',
    name: 'This till’s name',
    nameHint: 'Shown at the top of the screen and in the shop’s reports (40 characters at most).',
    rename: 'Rename',
    renamed: 'Till renamed: {{name}}.',
    url: 'Shared ledger address (PostgreSQL server)',
    urlHint: 'postgres://user:password@server:5432/database — leave empty for a till on its own.',
    save: 'Save the address',
    clear: 'Remove the address',
    saved: 'Address saved on this till: {{url}}',
    cleared: 'Address removed.',
    noneSaved: 'No address saved on this till.',
    inUse: 'In use: {{url}}',
    alone: 'This till works on its own (no shared ledger).',
    nextStart: 'The new address takes effect the next time the till starts.',
    environment: 'The address comes from this computer’s POS_DATABASE_URL variable: it wins over the address saved here.',
    shopWide: 'Whole shop',
    shopWideNote: 'Settings marked “Whole shop” apply to every joined till.',
    passphrase: 'Shop passphrase',
    passphraseHint:
      "Chosen by the owner on the first joined till, the same on every till (10 characters at least). It protects the codes on the server: keep it with the shop's papers, it cannot be recovered.",
    passphraseSend: 'Join this till',
    passphraseJoined: 'This till holds the shop key: it is joining the shared ledger.',
    passphraseWaiting: 'This till is waiting for the shop passphrase: until then it sends and shares nothing (sales wait in the queue).',
    errors: {
      NOT_A_URL: 'This is not an address: it should look like postgres://user:password@server:5432/database.',
      NOT_POSTGRES: 'The address must start with postgres:// or postgresql://.',
      NO_HOST_OR_DATABASE: 'The address must name a server and a database (…@server:5432/database).',
      TOO_LONG: 'The address is too long.',
      TILL_NAME: 'The name must be 1 to 40 characters.',
      SHOP_PASSPHRASE: 'This passphrase does not open the shop key. Check it with the owner.',
    },
  },
} satisfies UiDict;
