import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The fuses electron-builder flips in the shipped Electron binary (design §5). Read from
 * electron-builder.yml as written, and checked against the option names electron-builder itself
 * accepts (app-builder-lib's scheme.json), so a misspelt fuse cannot be silently ignored.
 */
const root = path.resolve(__dirname, '..', '..');

function fusesBlock(yaml: string): Record<string, boolean> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // next top-level key
    const m = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (m) out[m[1]!] = m[2] === 'true';
    else expect(line.trim() === '' || line.trim().startsWith('#')).toBe(true);
  }
  return out;
}

describe('electron-builder fuses', () => {
  const fuses = fusesBlock(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

  it('turns off running as node, NODE_OPTIONS, --inspect and file:// extra privileges; asar only and validated; cookies encrypted', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only option names electron-builder knows', () => {
    const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(fuses)) expect(known).toContain(name);
  });
});
