import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_COMMAND_PREFIX, HTTP_SECRET_HEADER } from '../../shared/api';
import { seeded } from '../../bench/lib/stats';
import { HostProcess } from './helpers/host-process';

/**
 * Any web page the cashier opens can make the browser send requests to the host on 127.0.0.1
 * (an `<img src>` needs no secret). No request, however malformed, may end the host: that would
 * change the per-launch secret and kill the till's open tab. These tests run the real host process
 * and talk to it over raw sockets, so Node's own HTTP parser sees exactly the bytes an attacker sends.
 */

let dataDir: string;
let host: HostProcess;
let port: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-host-fuzz-'));
  host = new HostProcess({ POS_DATA_DIR: dataDir });
  await host.start();
  port = Number(new URL(host.origin).port);
}, 60_000);

afterAll(async () => {
  await host?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Sends raw bytes and returns what came back up to the status line (empty if the host just closed).
 * The socket is half-closed only once the status line is in, or once the host has stayed silent for
 * a moment (it is waiting for a body that will never come): a browser never half-closes, and Node
 * drops the answer of a request whose client half-closed before it was ready.
 */
function raw(bytes: Buffer | string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (Buffer.concat(chunks).includes('\r\n')) socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    // Neither timer decides an outcome: the liveness check after each batch does.
    socket.setTimeout(500, () => {
      socket.end();
      socket.setTimeout(10_000, () => socket.destroy());
    });
    socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  });
}

function statusOf(response: string): number | null {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return m ? Number(m[1]) : null;
}

/** The till's own tab still works with the secret it was given at launch, from the same process. */
async function expectAlive(pid: number | undefined, context: string): Promise<void> {
  expect(host.exited, `host exited: ${context}`).toBe(false);
  expect(host.pid, context).toBe(pid);
  const res = await fetch(`${host.origin}${HTTP_COMMAND_PREFIX}session:get`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HTTP_SECRET_HEADER]: host.launchSecret },
    body: '{}',
  });
  expect(res.status, context).toBe(200);
  expect(((await res.json()) as { ok: boolean }).ok, context).toBe(true);
}

describe('browser host under malformed requests', () => {
  it('answers 400 to the two known killers, sent without any secret, and keeps serving', async () => {
    const pid = host.pid;
    for (const target of ['/%E0%A4%A', '//[', `${HTTP_COMMAND_PREFIX}%E0%A4%A`]) {
      const response = await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect(statusOf(response), target).toBe(400);
      await expectAlive(pid, target);
    }
    const command = await raw(
      `POST ${HTTP_COMMAND_PREFIX}%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${HTTP_SECRET_HEADER}: ${host.launchSecret}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(statusOf(command)).toBe(400);
    await expectAlive(pid, 'bad escape in a command name');
  });

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const pid = host.pid;
    const head = `POST ${HTTP_COMMAND_PREFIX}session:get HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${HTTP_SECRET_HEADER}: ${host.launchSecret}\r\nContent-Type: application/json\r\n`;
    expect(statusOf(await raw(`${head}Content-Length: 10000000\r\n\r\n{}`))).toBe(413);
    const big = `"${'x'.repeat(200_000)}"`;
    expect(statusOf(await raw(`${head}Content-Length: ${big.length}\r\n\r\n${big}`))).toBe(413);
    expect(statusOf(await raw(`${head}Transfer-Encoding: chunked\r\n\r\n30d40\r\n${big.slice(0, 200_000)}\r\n0\r\n\r\n`))).toBe(413);
    await expectAlive(pid, 'huge bodies');
  });

  it('survives a seeded random fuzz of request lines, paths, headers and bodies', async () => {
    const seed = Number(process.env.HOST_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const rng = seeded(seed); // mulberry32: the same seed replays the same requests
    const pid = host.pid;
    const BATCHES = 25;
    const PER_BATCH = 80;
    const statuses = new Map<number | null, number>();
    for (let b = 0; b < BATCHES; b++) {
      const batch = Array.from({ length: PER_BATCH }, () => randomRequest(rng, port, host.launchSecret));
      // A few sockets at a time, as a page firing requests would.
      for (let i = 0; i < batch.length; i += 8) {
        const answers = await Promise.all(batch.slice(i, i + 8).map((r) => raw(r)));
        for (const a of answers) {
          const s = statusOf(a);
          statuses.set(s, (statuses.get(s) ?? 0) + 1);
          // A handler that threw is a bug even when the guard caught it.
          expect(s === null || s < 500, `HOST_FUZZ_SEED=${seed} batch ${b}: ${a.slice(0, 80)}`).toBe(true);
        }
      }
      await expectAlive(pid, `HOST_FUZZ_SEED=${seed} after batch ${b}`);
    }
    // The fuzz reached the parser and every kind of handler, not only one of them.
    expect(statuses.get(400) ?? 0, `HOST_FUZZ_SEED=${seed}`).toBeGreaterThan(0);
    for (const reached of [200, 401, 404]) expect(statuses.get(reached) ?? 0, `HOST_FUZZ_SEED=${seed} ${reached}`).toBeGreaterThan(0);
  }, 300_000);
});

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function junk(rng: () => number, length: number, alphabet?: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet ? alphabet[Math.floor(rng() * alphabet.length)] : String.fromCharCode(Math.floor(rng() * 256));
  return s;
}

const PATH_CHARS = "abc/%.:?#[]@!$&'()*+,;=-_~E0A9zZ\\ ";

function randomTarget(rng: () => number): string {
  return pick(rng, [
    () => '//[',
    () => '/%E0%A4%A',
    () => `/${junk(rng, 1 + Math.floor(rng() * 40), PATH_CHARS)}`,
    () => `${HTTP_COMMAND_PREFIX}${junk(rng, Math.floor(rng() * 30), PATH_CHARS)}`,
    () => `${HTTP_COMMAND_PREFIX}session:get`,
    () => `${HTTP_COMMAND_PREFIX}session:get`,
    () => '/',
    () => '/index.html',
    () => `/api/events?secret=${junk(rng, 10, PATH_CHARS)}`,
    () => `/${'%'.repeat(1 + Math.floor(rng() * 5))}${junk(rng, 2, '0123456789ABCDEFG')}`,
    () => '/..%2f..%2f..%2fetc%2fpasswd',
    () => `/${'a'.repeat(Math.floor(rng() * 20_000))}`,
    () => '*',
    () => 'http://evil.example/x',
    () => '//evil.example/',
    () => junk(rng, 1 + Math.floor(rng() * 20)),
    () => '',
  ])();
}

function randomBody(rng: () => number): string {
  return pick(rng, [
    () => '',
    () => '{}',
    () => '{',
    () => '{"a":',
    () => JSON.stringify({ cashierId: junk(rng, 5), pin: junk(rng, 4, '0123456789') }),
    () => junk(rng, Math.floor(rng() * 2000)),
    () => `"${'x'.repeat(70_000)}"`,
    () => '[]'.repeat(Math.floor(rng() * 100)),
  ])();
}

/** Mostly the valid choice, sometimes a strange one: most requests reach the handlers, not only the parser. */
function usually<T>(rng: () => number, valid: T, strange: readonly T[], p = 0.8): T {
  return rng() < p ? valid : pick(rng, strange);
}

/**
 * One request as raw bytes. The real secret is sometimes included so the fuzz reaches the command
 * path, but only with junk command names or session:get, so it never changes the till's state.
 */
function randomRequest(rng: () => number, port: number, secret: string): string {
  const method = usually(rng, pick(rng, ['GET', 'POST', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']), [
    'FOO',
    '',
    'G\u0000T',
    'GET GET',
    'PATCH',
    junk(rng, 4),
  ]);
  const version = usually(rng, 'HTTP/1.1', ['HTTP/1.0', 'HTTP/9.9', '', 'HTTP/1.1 extra', 'http/1.1'], 0.9);
  const body = randomBody(rng);
  const length = Buffer.byteLength(body, 'latin1');
  const headers: string[] = [
    usually(rng, `Host: 127.0.0.1:${port}`, [
      `Host: localhost:${port}`,
      'Host: evil.example',
      '',
      `Host: 127.0.0.1:${port}\r\nHost: x`,
      `Host: 127.0.0.1:${port + 1}`,
    ]),
    usually(rng, `Content-Length: ${length}`, [
      'Content-Length: -1',
      'Content-Length: abc',
      'Content-Length: 99999999999999999999',
      `Content-Length: ${length + 5}`,
      'Content-Length: 5\r\nContent-Length: 6',
      'Transfer-Encoding: chunked',
      'Transfer-Encoding: chunked\r\nContent-Length: 3',
      '',
    ]),
  ];
  if (rng() < 0.6) headers.push(`${HTTP_SECRET_HEADER}: ${rng() < 0.7 ? secret : junk(rng, 32, PATH_CHARS)}`);
  if (rng() < 0.5) headers.push(pick(rng, ['Content-Type: application/json', 'Content-Type: text/plain', `Content-Type: ${junk(rng, 20)}`]));
  if (rng() < 0.2) headers.push(pick(rng, ['Origin: http://evil.example', `Origin: http://127.0.0.1:${port}`, 'Origin: null']));
  if (rng() < 0.05) headers.push(`X-Big: ${'y'.repeat(Math.floor(rng() * 40_000))}`);
  if (rng() < 0.05) headers.push(`${junk(rng, 8)}: ${junk(rng, 20)}`);
  if (rng() < 0.05) headers.push(' folded: header');
  headers.push('Connection: close');
  const eol = usually(rng, '\r\n', ['\n'], 0.95);
  return `${method} ${randomTarget(rng)} ${version}${eol}${headers.filter(Boolean).join(eol)}${eol}${eol}${body}`;
}
