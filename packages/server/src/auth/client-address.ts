import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address of the client calling, as far as this server can tell.
 *
 * With `trustedProxyHops` 0 (the default) it is the peer of the TCP connection, so behind a
 * reverse proxy or load balancer it is the proxy's address and every client shares it. With N
 * proxies in front that each append to `X-Forwarded-For`, set it to N: the address is then the
 * Nth from the right of that header, the one the outermost proxy saw. Entries further left are
 * written by the client and never trusted; a header with fewer than N entries (a request that
 * did not come through every proxy) falls back to the connection's peer.
 *
 * Undefined when the request did not arrive over a Node socket (in-process tests).
 */
export function clientAddress(c: Context, trustedProxyHops = 0): string | undefined {
  if (trustedProxyHops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const seen = forwarded[forwarded.length - trustedProxyHops];
    if (seen !== undefined) return seen;
  }
  return socketAddress(c);
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address || undefined;
  } catch {
    // No Node request behind this context (e.g. `app.request` in tests).
    return undefined;
  }
}

/**
 * The group of addresses one client is counted as: an IPv4 address itself (also when written
 * IPv4-mapped, `::ffff:192.0.2.1`), and an IPv6 address's /64 network, since one household or
 * host is usually given a whole /64 and could otherwise change address for every guess.
 * Anything else (not an IP address) is returned as it is.
 * @example addressGroup('2001:db8::1') // '2001:db8:0:0::/64'
 */
export function addressGroup(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(plain)) return address;
  const [head = '', tail] = plain.split('::');
  const hextets = (part: string) => part.split(':').filter((h) => h !== '').flatMap((h) => (h.includes('.') ? ['0', '0'] : [h]));
  const front = hextets(head);
  const back = tail === undefined ? [] : hextets(tail);
  const full = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${full.slice(0, 4).map((h) => h.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
