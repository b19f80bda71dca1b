import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_MAIN_CLUSTER, findPostgresBinDir, withoutDistributionCluster } from '../../scripts/postgres-for-tests.mjs';

/**
 * npm test's PostgreSQL set-up (scripts/postgres-for-tests.mjs, used by ensure-env.mjs): which
 * server binaries count, and the install that leaves Debian's own cluster uncreated. The apt-get
 * install itself is not run here (it needs a machine without PostgreSQL); its wrapper is, around a
 * stand-in install that records what postgresql-common would read at that moment.
 */
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});
const tempRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'till-pg-setup-'));
  roots.push(root);
  return root;
};

function fakeLib(versions: Record<string, string[]>): string {
  const lib = tempRoot();
  for (const [version, binaries] of Object.entries(versions)) {
    fs.mkdirSync(path.join(lib, version, 'bin'), { recursive: true });
    for (const bin of binaries) fs.writeFileSync(path.join(lib, version, 'bin', bin), '');
  }
  return lib;
}

describe('finding the PostgreSQL server binaries', () => {
  it("takes the newest of Debian's /usr/lib/postgresql/<major>/bin that holds initdb and postgres", () => {
    const lib = fakeLib({ '9.6': ['initdb', 'postgres'], '13': ['initdb', 'postgres'], '16': ['initdb', 'postgres'], '17': ['psql'], common: ['postgres'] });
    expect(findPostgresBinDir({ lib, env: {} })).toBe(path.join(lib, '16', 'bin'));
    expect(findPostgresBinDir({ lib: fakeLib({ '15': ['psql', 'pg_dump'] }), env: {} })).toBeNull();
    expect(findPostgresBinDir({ lib: path.join(lib, 'nothing-here'), env: {} })).toBeNull();
  });

  it('takes POS_PG_BIN_DIR instead when it is set, and only if it holds a server', () => {
    const lib = fakeLib({ '16': ['initdb', 'postgres'] });
    const own = fakeLib({ build: ['initdb', 'postgres'] });
    expect(findPostgresBinDir({ lib, env: { POS_PG_BIN_DIR: path.join(own, 'build', 'bin') } })).toBe(path.join(own, 'build', 'bin'));
    expect(findPostgresBinDir({ lib, env: { POS_PG_BIN_DIR: own } })).toBeNull();
  });
});

describe("installing postgresql without the distribution's cluster", () => {
  // The stand-in install: asks postgresql-common's own reader (when this machine has it) what
  // create_main_cluster is, through a createcluster.conf that includes the drop-in's directory.
  function standInInstall(root: string, dropIn: string, status: number): string {
    const conf = path.join(root, 'createcluster.conf');
    fs.writeFileSync(conf, `include_dir '${path.dirname(dropIn)}'\n`);
    const seen = path.join(root, 'seen');
    const ask = fs.existsSync('/usr/bin/pg_conftool') ? `pg_conftool '${conf}' show -bs create_main_cluster >> '${seen}'` : 'true';
    return `cat '${dropIn}' > '${seen}' && ${ask}; exit ${status}`;
  }

  it('says create_main_cluster = false while the install runs, and removes it after', () => {
    const root = tempRoot();
    const dropIn = path.join(root, 'createcluster.d', 'zz-till.conf');
    const r = spawnSync('sh', ['-c', withoutDistributionCluster(standInInstall(root, dropIn, 0), dropIn)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const seen = fs.readFileSync(path.join(root, 'seen'), 'utf8').split('\n');
    expect(seen[0]).toBe('create_main_cluster = false');
    if (fs.existsSync('/usr/bin/pg_conftool')) expect(seen[1]).toBe('off');
    expect(fs.existsSync(dropIn)).toBe(false);
  });

  it("removes it too when the install fails, and fails with the install's status", () => {
    const root = tempRoot();
    const dropIn = path.join(root, 'createcluster.d', 'zz-till.conf');
    const r = spawnSync('sh', ['-c', withoutDistributionCluster(standInInstall(root, dropIn, 7), dropIn)], { encoding: 'utf8' });
    expect(r.status).toBe(7);
    expect(fs.existsSync(dropIn)).toBe(false);
  });

  it("writes it where Debian's createcluster.conf looks, when this machine has one", () => {
    const conf = '/etc/postgresql-common/createcluster.conf';
    if (!fs.existsSync(conf)) return;
    expect(fs.readFileSync(conf, 'utf8')).toMatch(new RegExp(`^include_dir '${path.dirname(NO_MAIN_CLUSTER)}'`, 'm'));
  });
});
