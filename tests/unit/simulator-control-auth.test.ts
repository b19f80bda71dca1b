import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_HEADER, type RunningSimulator } from '../../simulator';
import { HostProcess } from './helpers/host-process';
import { simulatorsClosedAfterEach } from './helpers/simulators';

/**
 * The simulator's control listener can empty the balance, read every card code and take the API
 * offline. The till's own training simulator must not open it, and where a test opens it, a web page
 * the machine visits (cross-origin form or `text/plain` POST, DNS rebinding) must not reach it.
 */

const start = simulatorsClosedAfterEach({ handlingMs: 50 });

async function withControl(): Promise<RunningSimulator & { controlUrl: string; controlToken: string }> {
  const sim = await start({ controlListener: true });
  if (!sim.controlUrl || !sim.controlToken) throw new Error('the control listener was asked for');
  return sim as RunningSimulator & { controlUrl: string; controlToken: string };
}

/** node:http rather than fetch: fetch will not send a forged Host header. */
function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The TCP ports a process is listening on, from /proc (Linux). */
function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    const file = `/proc/${pid}/net/${table}`;
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is col 1 (hex ip:port), st is col 3 (0A = LISTEN), inode is col 9.
      if (cols[3] === '0A' && inodes.has(cols[9]!)) ports.push(parseInt(cols[1]!.split(':')[1]!, 16));
    }
  }
  return ports.sort((a, b) => a - b);
}

describe('training simulator without a control listener', () => {
  it('opens none unless asked', async () => {
    const sim = await start();
    expect(sim.controlUrl).toBeNull();
    expect(sim.controlToken).toBeNull();
  });

  it.runIf(process.platform === 'linux')(
    'the training host listens only on its own port and the simulator API',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-sim-ctl-'));
      const host = new HostProcess({ POS_DATA_DIR: dataDir });
      try {
        await host.start();
        const ports = listeningPorts(host.pid!);
        // The host's own port and the in-process training simulator's API port; no control port.
        expect(ports).toHaveLength(2);
        expect(ports).toContain(Number(new URL(host.origin).port));
      } finally {
        await host.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe('simulator control listener, where a test opens it', () => {
  it('refuses a request without the token (401) or with a wrong one', async () => {
    const sim = await withControl();
    expect((await request(`${sim.controlUrl}/balance`, 'GET', {})).status).toBe(401);
    expect((await request(`${sim.controlUrl}/orders`, 'GET', { [CONTROL_TOKEN_HEADER]: 'x'.repeat(sim.controlToken.length) })).status).toBe(401);
    const post = await request(`${sim.controlUrl}/balance`, 'POST', { 'content-type': 'application/json' }, '{"dzd":0}');
    expect(post.status).toBe(401);
    expect(sim.control.getBalance()).toBe(50000);
    expect((await request(`${sim.controlUrl}/balance`, 'GET', { [CONTROL_TOKEN_HEADER]: sim.controlToken })).status).toBe(200);
  });

  it('refuses a foreign Host even with the token (DNS rebinding): 403', async () => {
    const sim = await withControl();
    const port = new URL(sim.controlUrl).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
      const r = await request(`${sim.controlUrl}/balance`, 'GET', { host, [CONTROL_TOKEN_HEADER]: sim.controlToken });
      expect(r.status, host).toBe(403);
    }
    expect((await request(`${sim.controlUrl}/balance`, 'GET', { host: `localhost:${port}`, [CONTROL_TOKEN_HEADER]: sim.controlToken })).status).toBe(200);
  });

  it('refuses a body that is not application/json (a cross-origin form or text/plain POST): 415', async () => {
    const sim = await withControl();
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await request(`${sim.controlUrl}/balance`, 'POST', { 'content-type': type, [CONTROL_TOKEN_HEADER]: sim.controlToken }, '{"dzd":0}');
      expect(r.status, type).toBe(415);
    }
    expect(sim.control.getBalance()).toBe(50000);
    const ok = await request(
      `${sim.controlUrl}/balance`,
      'POST',
      { 'content-type': 'application/json; charset=utf-8', [CONTROL_TOKEN_HEADER]: sim.controlToken },
      '{"dzd":1}',
    );
    expect(ok.status).toBe(200);
    expect(sim.control.getBalance()).toBe(1);
  });

  it('answers an unparsable request target with a status on both listeners, and keeps serving', async () => {
    const sim = await withControl();
    for (const base of [sim.url, sim.controlUrl]) {
      const { port } = new URL(base);
      const answer = await new Promise<string>((resolve) => {
        const s = net.connect(Number(port), '127.0.0.1');
        let text = '';
        s.on('data', (c: Buffer) => (text += c.toString('latin1')));
        s.on('error', () => undefined);
        s.on('close', () => resolve(text));
        s.write(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${CONTROL_TOKEN_HEADER}: ${sim.controlToken}\r\nConnection: close\r\n\r\n`);
      });
      expect(answer, base).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    expect((await request(`${sim.url}/v3/ping`, 'GET', {})).status).toBe(200);
  });
});
