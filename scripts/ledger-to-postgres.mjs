#!/usr/bin/env node
// `npm run ledger:to-postgres -- --data-dir DIR --url postgres://… [--passphrase-file FILE]`:
// copies one till's SQLite ledger into the shop's PostgreSQL server and checks the copy
// (electron/tools/ledger-to-postgres.ts). Runs the TypeScript sources through tsx, as the benches
// do: a one-off owner's command run from the project checkout, where the dev packages are.
import { ensureNode22 } from './node22.mjs';

await ensureNode22();
const { register } = await import('tsx/esm/api');
register();
await import('../electron/tools/ledger-to-postgres.ts');
