// One write of the fault check (scripts/fault.js) and its reply, read whole or not at all.

/**
 * Sends one request and reads its JSON reply. A request or reply cut off part way (the server
 * killed mid-reply, a connection reset, a body that is not whole JSON) is `status: 0`, so the
 * caller sends it again with the same Idempotency-Key: a status is only believed with the body
 * it came with (a 201 whose body was cut off acknowledged nothing the caller can check).
 * @returns {Promise<{ status: number, reply?: any, replayed: boolean }>}
 */
export async function sendWrite(url, init) {
  try {
    const res = await fetch(url, init);
    const reply = await res.json();
    return { status: res.status, reply, replayed: res.headers.get('idempotent-replayed') === 'true' };
  } catch {
    return { status: 0, replayed: false };
  }
}
