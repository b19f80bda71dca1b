// What the tests need to start their own throw-away PostgreSQL servers (tests/unit/helpers/pg-server.ts),
// shared with the set-up (ensure-env.mjs) so that both look for the same binaries and the same user.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PostgreSQL refuses to run as root, and npm test runs as root on CI (and on this project's build
 * machines). Rather than borrowing Debian's `postgres` account, which owns the machine's own
 * clusters in /var/lib/postgresql, the tests run their servers as a dedicated system user with no
 * home, no shell and no password, created once by the set-up: a test server can then reach nothing
 * but its own temporary directory. Where the tests run as an ordinary user, the servers simply run
 * as that user and this account is not needed.
 */
export const PG_TEST_USER = 'till-pgtest';

/** Debian installs each major version's server binaries in /usr/lib/postgresql/<major>/bin. */
export const DEBIAN_POSTGRES_LIB = '/usr/lib/postgresql';

/**
 * The newest Debian-packaged server binaries (a directory holding initdb and postgres), or null.
 * POS_PG_BIN_DIR names another directory (e.g. a developer's own build); nothing looks on PATH,
 * where a machine may carry stray copies.
 */
export function findPostgresBinDir(options = {}) {
  const env = options.env ?? process.env;
  const hasServer = (dir) => ['initdb', 'postgres'].every((name) => fs.existsSync(path.join(dir, name)));
  if (env.POS_PG_BIN_DIR) return hasServer(env.POS_PG_BIN_DIR) ? env.POS_PG_BIN_DIR : null;
  const lib = options.lib ?? DEBIAN_POSTGRES_LIB;
  let versions;
  try {
    versions = fs.readdirSync(lib).filter((name) => /^\d+(\.\d+)?$/.test(name));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(lib, version, 'bin');
    if (hasServer(dir)) return dir;
  }
  return null;
}

// Read by Debian's postgresql-common while it configures a freshly installed server (its
// createcluster.conf includes this directory): without it, installing `postgresql` creates a
// "main" cluster and starts it as a service. The tests start their own servers, so the set-up
// creates none; the file lives only for the install, leaving the machine's settings as they were.
export const NO_MAIN_CLUSTER = '/etc/postgresql-common/createcluster.d/zz-oneclickdz-till-no-main-cluster.conf';

/**
 * Wraps the shell script that installs `postgresql` so that it creates (and starts) no cluster. The
 * install runs in a subshell and the drop-in goes however the script ends (failure, Ctrl+C).
 */
export function withoutDistributionCluster(installScript, noMainCluster = NO_MAIN_CLUSTER) {
  const dir = path.dirname(noMainCluster);
  return [
    `trap "rm -f '${noMainCluster}'" EXIT`,
    `trap 'exit 130' INT TERM HUP`,
    `mkdir -p '${dir}' && echo 'create_main_cluster = false' > '${noMainCluster}' && (${installScript})`,
  ].join('\n');
}

/** The uid and gid the test servers run as when the tests run as root, or null if the user is missing. */
export function postgresTestUserIds() {
  // getent passwd: name:password:uid:gid:comment:home:shell
  const r = spawnSync('getent', ['passwd', PG_TEST_USER], { encoding: 'utf8' });
  const fields = r.status === 0 ? r.stdout.trim().split(':') : [];
  return fields.length >= 4 ? { uid: Number(fields[2]), gid: Number(fields[3]) } : null;
}

/**
 * Creates PG_TEST_USER when running as root and it is missing; returns the line saying what it
 * did, or null when there was nothing to do.
 */
export function ensurePostgresTestUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  if (postgresTestUserIds() !== null) return null;
  const r = spawnSync(
    'useradd',
    [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      '--comment',
      'OneClickDZ till tests, throw-away PostgreSQL servers',
      PG_TEST_USER,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`useradd ${PG_TEST_USER} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  return `Created system user ${PG_TEST_USER}: the tests run their PostgreSQL servers as it (PostgreSQL refuses root).`;
}
