import { vi } from 'vitest';

/** One request the fake server saw. */
export interface SeenRequest {
  method: string;
  url: URL;
  body: unknown;
  /** The request's headers (e.g. `content-type`, `if-match`). */
  headers: Headers;
}

/** A JSON reply. */
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Stubs `fetch` with `answer` (method, path, query, body -> Response, or a promise of one to hold a
 * reply back); records every request. Unanswered requests get a 404 in the API's error shape.
 */
export function fakeServer(answer: (req: SeenRequest) => Response | undefined | Promise<Response | undefined>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    const text = init.body ? String(init.body) : undefined;
    const body = text === undefined ? undefined : /json/.test(headers.get('content-type') ?? 'json') ? JSON.parse(text) : text;
    const req = { method: init.method ?? 'GET', url: new URL(input, 'http://x'), body, headers };
    seen.push(req);
    return (await answer(req)) ?? json({ error: { status: 404, code: 'not-found', message: `No route ${req.method} ${req.url.pathname}` } }, 404);
  });
  return seen;
}

/** Lets pending fetches and renders finish (no timers: resolved promises only). */
export async function settled(el: HTMLElement & { updateComplete: Promise<unknown> }) {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

/** Sets a field of an element's shadow root by id. */
export function fill(el: Element, id: string, value: string) {
  const field = el.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
}

/** Submits the form of an element's shadow root that holds the field with this id. */
export function submit(el: Element, fieldId: string) {
  const form = el.shadowRoot!.getElementById(fieldId)!.closest('form')!;
  form.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
}
