import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';

/** As if the request had arrived on a Node socket from `remoteAddress` (see `clientAddress`). */
function from(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress, remotePort: 50_000, remoteFamily: 'IPv4' } } };
}

describe.each(testStoreKinds)('sign-in limits on $name (defaults: 5 failures per email, 20 per address, 15 minutes)', (kind) => {
  let t: TestApp;
  // The app's clock: starts at the real time (sessions expire by the database's clock) and is moved by the tests.
  let at = Date.now();
  const logged: string[] = [];

  beforeAll(async () => {
    t = await makeTestApp(kind, { now: () => new Date(at), log: (m) => logged.push(m) });
  });
  afterAll(async () => t?.dispose());

  async function login(email: string, password: string, address?: string) {
    const res = await t.app.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) },
      address === undefined ? undefined : from(address),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  }

  async function auditEntries(): Promise<string[]> {
    return (await t.db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((r) => r.action);
  }

  it('refuses an email with 429 and Retry-After after 5 failures, without checking the password', async () => {
    const email = 'testshireofficer@example.test';
    const auditBefore = await auditEntries();
    for (let i = 0; i < 5; i++) {
      const wrong = await login(email, `wrong password ${i}`);
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('bad-credentials');
    }
    // The right password now: refused all the same, so a guesser cannot tell it was right.
    const refused = await login(email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(refused.body).toEqual({
      error: {
        status: 429,
        code: 'too-many-attempts',
        message: 'Too many failed sign-ins for this email: try again in 900 seconds',
      },
    });
    // The same email in capitals is the same account.
    expect((await login(email.toUpperCase(), TEST_PASSWORD)).status).toBe(429);
    // Other people are not affected.
    expect((await login('testshireviewer@example.test', TEST_PASSWORD)).status).toBe(200);
    // Failures are logged (email JSON-quoted, so it cannot forge log lines), not audited.
    expect(logged.filter((m) => m.startsWith(`[auth] failed sign-in for "${email}"`))).toHaveLength(5);
    expect(logged).toContain(`[auth] sign-in for "${email}" refused for up to 15 min after repeated failures`);
    expect(await auditEntries()).toEqual([...auditBefore, 'login']);
  });

  it('lets the user in again once the window has passed, counting down Retry-After meanwhile', async () => {
    at += 600_000;
    const still = await login('testshireofficer@example.test', TEST_PASSWORD);
    expect(still.status).toBe(429);
    expect(still.headers.get('retry-after')).toBe('300');
    at += 300_000;
    const again = await login('testshireofficer@example.test', TEST_PASSWORD);
    expect(again.status).toBe(200);
    expect(again.body.user.email).toBe('testshireofficer@example.test');
  });

  it("forgets an email's failures when it signs in", async () => {
    const email = 'othertonadmin@example.test';
    for (let i = 0; i < 4; i++) expect((await login(email, 'wrong password')).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(email, 'wrong password')).status).toBe(401);
    // Eight failures in the window, but only four since the success.
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
  });

  it('limits unknown emails the same way, so a refusal reveals nothing about who has an account', async () => {
    for (let i = 0; i < 5; i++) expect((await login('no-such-user@example.test', 'guess')).status).toBe(401);
    const refused = await login('no-such-user@example.test', 'guess');
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe('Too many failed sign-ins for this email: try again in 900 seconds');
  });

  it('refuses an address after 20 failures whatever the emails, and only that address', async () => {
    const attacker = '203.0.113.7';
    // Four guesses at each of five emails: never five at one email, twenty from the address.
    for (let i = 0; i < 20; i++) {
      expect((await login(`target${i % 5}@example.test`, `guess ${i}`, attacker)).status).toBe(401);
    }
    const refused = await login('othertonofficer@example.test', TEST_PASSWORD, attacker);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(refused.body.error.message).toBe('Too many failed sign-ins from this address: try again in 900 seconds');
    expect(logged).toContain(`[auth] sign-in from ${attacker} refused for up to 15 min after repeated failures`);
    // The account itself is not locked: from elsewhere it signs in.
    expect((await login('othertonofficer@example.test', TEST_PASSWORD, '198.51.100.20')).status).toBe(200);
    // Signing in to one's own account from the address does not reset the address's count.
    at += 1_000;
    expect((await login('othertonofficer@example.test', TEST_PASSWORD, attacker)).status).toBe(429);
    at += 900_000;
    expect((await login('othertonofficer@example.test', TEST_PASSWORD, attacker)).status).toBe(200);
  });

  it('still answers a malformed body with 422 and pointers (it is not counted)', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await login('platformadmin@example.test', undefined as unknown as string);
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ pointer: '/password', message: "must have required property 'password'" }]);
    }
    expect((await login('platformadmin@example.test', TEST_PASSWORD)).status).toBe(200);
  });
});

describe.each(testStoreKinds)('configured sign-in limits on $name', (kind) => {
  it('follows the limits given to createApp', async () => {
    let at = Date.now();
    const t = await makeTestApp(kind, {
      now: () => new Date(at),
      loginLimits: { maxFailuresPerEmail: 2, windowSeconds: 60 },
    });
    try {
      const login = (password: string) =>
        t.call('POST', '/api/auth/login', { body: { email: 'nobody@example.test', password } });
      expect((await login('wrong')).status).toBe(401);
      expect((await login('wrong')).status).toBe(401);
      const refused = await login(TEST_PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      at += 60_000;
      expect((await login(TEST_PASSWORD)).status).toBe(200);
    } finally {
      await t.dispose();
    }
  });
});
