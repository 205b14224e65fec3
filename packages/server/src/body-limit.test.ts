import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodySizeLimit } from './body-limit.js';
import { HttpError } from './http-error.js';

function appWithLimit(maxSize: number) {
  const app = new Hono();
  app.onError((error, c) => (error instanceof HttpError ? c.json(error.toJSON(), error.status) : c.text(String(error), 500)));
  app.use('*', bodySizeLimit(maxSize));
  app.post('/echo', async (c) => c.text(await c.req.text()));
  app.get('/echo', (c) => c.text('got'));
  return app;
}

/** A body stream that records whether anyone read it. */
function watchedStream(text: string) {
  const watch = { read: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      watch.read = true;
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  }, { highWaterMark: 0 });
  return { stream, watch };
}

describe('the body size limit', () => {
  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const { stream, watch } = watchedStream('x'.repeat(20));
    const res = await appWithLimit(10).request('/echo', {
      method: 'POST',
      headers: { 'content-length': '20' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body-too-large');
    expect(watch.read).toBe(false);
  });

  it('passes a body whose Content-Length is within the limit to the route unread', async () => {
    const res = await appWithLimit(10).request('/echo', { method: 'POST', headers: { 'content-length': '5' }, body: 'hello' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello');
  });

  it('counts a body without a length (chunked) and refuses it once it passes the limit', async () => {
    const over = await appWithLimit(10).request('/echo', { method: 'POST', body: watchedStream('x'.repeat(11)).stream, duplex: 'half' } as RequestInit);
    expect(over.status).toBe(413);
    const within = await appWithLimit(10).request('/echo', { method: 'POST', body: watchedStream('x'.repeat(10)).stream, duplex: 'half' } as RequestInit);
    expect(within.status).toBe(200);
    expect(await within.text()).toBe('x'.repeat(10));
  });

  it('counts a body whose length header is also chunked rather than trusting the header', async () => {
    const res = await appWithLimit(10).request('/echo', {
      method: 'POST',
      headers: { 'content-length': '3', 'transfer-encoding': 'chunked' },
      body: watchedStream('x'.repeat(11)).stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('lets reads through untouched', async () => {
    const res = await appWithLimit(10).request('/echo');
    expect(res.status).toBe(200);
  });
});
