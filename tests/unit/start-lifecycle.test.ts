import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronRuntime, projectRoot } from '../../scripts/electron-runtime.mjs';
import { answers, commandLine, processesWithEnv, runUntilServing, startProject, until } from './helpers/start-project';

/**
 * `npm start` and `npm run serve` as a person runs them, in a copy of the project (helpers/
 * start-project.ts) on the current build. npm runs a script through `sh -c`, and on SIGTERM kills
 * only that shell: these tests check that nothing outlives it, in particular no till left serving.
 */
const built = ['dist/host/serve.js', 'dist/renderer/index.html'].every((f) => fs.existsSync(path.join(projectRoot, f)));
const hasElectron = findElectronRuntime().ok;
const linux = process.platform === 'linux';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

function setUp() {
  const root = startProject();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-start-data-'));
  cleanup.push(() => {
    for (const pid of processesWithEnv(`POS_DATA_DIR=${dataDir}`)) process.kill(pid, 'SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { root, dataDir, marker: `POS_DATA_DIR=${dataDir}` };
}

const commands: Array<{ args: string[]; skip: boolean }> = [
  { args: ['start'], skip: hasElectron }, // with Electron, npm start opens a window instead
  { args: ['run', 'serve'], skip: false },
];

describe.skipIf(!built || !linux)('npm start ends with its parent', () => {
  for (const { args, skip } of commands) {
    it.skipIf(skip)(
      `npm ${args.join(' ')}: SIGTERM to npm stops the served till and leaves no process`,
      async () => {
        const { root, dataDir, marker } = setUp();
        const started = await runUntilServing(root, args, { POS_PORT: '0', POS_DATA_DIR: dataDir });
        const port = Number(started.url.port);
        expect(started.output()).toContain('Build is up to date'); // no rebuild on an unchanged project
        expect(await answers(port)).toBe(true);
        const tree = processesWithEnv(marker);
        // npm, its shell, start.mjs and the host
        const commands = tree.map(commandLine);
        expect(commands.some((c) => c.includes('scripts/start.mjs'))).toBe(true);
        expect(commands.some((c) => c.includes('dist/host/serve.js'))).toBe(true);
        expect(tree.length).toBeGreaterThanOrEqual(4);

        started.child.kill('SIGTERM');
        await started.exited;
        await until(async () => !(await answers(port)), `port ${port} still answers`);
        await until(() => processesWithEnv(marker).length === 0, `processes left: ${processesWithEnv(marker).map(commandLine).join('; ')}`);
      },
      90_000,
    );
  }

  it('the browser host stops when start.mjs is killed outright (SIGKILL, nothing passed on)', async () => {
    const { root, dataDir, marker } = setUp();
    const started = await runUntilServing(root, ['run', 'serve'], { POS_PORT: '0', POS_DATA_DIR: dataDir });
    const port = Number(started.url.port);
    const start = processesWithEnv(marker).find((pid) => commandLine(pid).includes('scripts/start.mjs'));
    expect(start).toBeDefined();
    process.kill(start!, 'SIGKILL');
    await until(async () => !(await answers(port)), `port ${port} still answers`);
    await until(() => processesWithEnv(marker).length === 0, `processes left: ${processesWithEnv(marker).map(commandLine).join('; ')}`);
    expect((await started.exited).code).not.toBe(0); // npm reports its script killed
  }, 90_000);
});
