import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `scripts/fault-reply.js`, which the fault check (`scripts/fault.js`) sends each write with. */
interface FaultReply {
  sendWrite(url: string, init: RequestInit): Promise<{ status: number; reply?: { id?: string }; replayed: boolean }>;
}

describe('the fault check reading a reply the server was killed in the middle of', () => {
  let server: Server;
  let base: string;
  let faultReply: FaultReply;
  beforeAll(async () => {
    faultReply = (await import(new URL('../scripts/fault-reply.js', import.meta.url).href)) as FaultReply;
    server = createServer((req, res) => {
      if (req.url === '/cut') {
        // A 201 whose body stops half way: what a server killed while replying leaves.
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id": "a-');
        setImmediate(() => res.socket?.destroy());
      } else if (req.url === '/reset') {
        req.socket.destroy();
      } else if (req.url === '/html') {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      } else {
        res.writeHead(201, { 'content-type': 'application/json', 'idempotent-replayed': 'true' }).end('{"id": "a-1"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['/cut', '/reset', '/html'])('treats %s as not acknowledged (status 0), without throwing', async (path) => {
    await expect(faultReply.sendWrite(`${base}${path}`, { method: 'POST', body: '{}' })).resolves.toEqual({ status: 0, replayed: false });
  });

  it('believes a whole reply, and says when it was replayed', async () => {
    await expect(faultReply.sendWrite(`${base}/whole`, { method: 'POST', body: '{}' })).resolves.toEqual({ status: 201, reply: { id: 'a-1' }, replayed: true });
  });
});
