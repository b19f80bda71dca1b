/**
 * The bare HTTP client the *-vs-bare benchmarks compare the till with: what a script with no till
 * would send. Same headers, same connection policy as the till's transport (keep-alive for reads,
 * `fresh` for a write, as the till sends placeOrder and send on a new connection).
 */
import http from 'node:http';
import { BENCH_KEY } from './core';

export type BareCall = (method: 'GET' | 'POST', path: string, body?: string, fresh?: boolean) => Promise<{ data: Record<string, unknown> }>;

/** `call` rejects on a transport error, on a body that is not JSON, and on `success: false`. */
export function bareHttp(baseUrl: string): { call: BareCall; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const call: BareCall = (method, path, body, fresh = false) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'X-Access-Token': BENCH_KEY, Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const req = http.request(`${baseUrl}${path}`, { method, headers, agent: fresh ? false : agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { success: boolean; data: Record<string, unknown> };
            if (!json.success) reject(new Error(`${path}: ${res.statusCode}`));
            else resolve(json);
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}
