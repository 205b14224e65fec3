import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressGroup, clientAddress } from './client-address.js';

/** An app answering with the client address it sees, trusting `hops` proxies. */
function echo(hops: number) {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, hops) ?? 'unknown'));
  return app;
}

/** As if the request had arrived on a Node socket from `remoteAddress`. */
function from(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress, remotePort: 50_000, remoteFamily: 'IPv4' } } };
}

describe('clientAddress', () => {
  it("is the connection's peer on a real socket, whatever X-Forwarded-For says", async () => {
    const app = echo(0);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '203.0.113.66' } });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('is unknown when the request did not come over a socket (in-process calls)', async () => {
    expect(await (await echo(0).request('/')).text()).toBe('unknown');
  });

  it('takes the address the outermost trusted proxy saw, never an entry the client wrote', async () => {
    const forwarded = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9 , 10.0.0.2' };
    const ask = async (hops: number, headers: Record<string, string> = forwarded) =>
      (await echo(hops).request('/', { headers }, from('10.0.0.3'))).text();
    expect(await ask(0)).toBe('10.0.0.3');
    expect(await ask(1)).toBe('10.0.0.2');
    expect(await ask(2)).toBe('203.0.113.9');
    // Fewer entries than proxies: the request skipped a proxy, so fall back to the peer.
    expect(await ask(4)).toBe('10.0.0.3');
    expect(await ask(1, {})).toBe('10.0.0.3');
  });
});

describe('addressGroup', () => {
  it('counts an IPv4 address as itself, also when IPv4-mapped', () => {
    expect(addressGroup('192.0.2.1')).toBe('192.0.2.1');
    expect(addressGroup('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it("counts an IPv6 address as its /64, however it is written", () => {
    const group = '2001:db8:0:12::/64';
    expect(addressGroup('2001:db8:0:12::1')).toBe(group);
    expect(addressGroup('2001:0DB8:0000:0012:ffff:1:2:3')).toBe(group);
    expect(addressGroup('2001:db8::12:0:0:0:9')).toBe(group);
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('2001:db8:0:13::1')).not.toBe(group);
  });

  it('leaves anything else as it is', () => {
    expect(addressGroup('not-an-address')).toBe('not-an-address');
  });
});
