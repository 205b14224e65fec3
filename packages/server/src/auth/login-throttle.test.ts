import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, MAX_TRACKED } from './login-throttle.js';
import type { AdmittedAttempt, RefusedAttempt } from './login-throttle.js';

function clock(start = Date.parse('2025-06-01T09:00:00Z')) {
  let at = start;
  return { now: () => new Date(at), advance: (seconds: number) => (at += seconds * 1000) };
}

/** `n` failed attempts (admitted and never marked as succeeded). */
function fail(throttle: LoginThrottle, n: number, email: string, address?: string): AdmittedAttempt[] {
  return Array.from({ length: n }, () => {
    const attempt = throttle.attempt(email, address);
    expect(attempt.admitted).toBe(true);
    return attempt as AdmittedAttempt;
  });
}

describe('LoginThrottle', () => {
  it('defaults to 5 failures per email and 20 per address in 15 minutes', () => {
    expect(DEFAULT_LOGIN_LIMITS).toEqual({ maxFailuresPerEmail: 5, maxFailuresPerAddress: 20, windowSeconds: 900 });
    expect(new LoginThrottle({ maxFailuresPerEmail: undefined, windowSeconds: 60 }, clock().now).limits).toEqual({
      maxFailuresPerEmail: 5,
      maxFailuresPerAddress: 20,
      windowSeconds: 60,
    });
  });

  it('refuses an email after its limit of failures until the oldest leaves the window', () => {
    const time = clock();
    const throttle = new LoginThrottle({}, time.now);
    const attempts = fail(throttle, 4, 'Ann@Example.test');
    expect(attempts.every((a) => !a.lockedEmail)).toBe(true);
    time.advance(60);
    const fifth = fail(throttle, 1, 'ann@example.test')[0]!;
    expect(fifth.lockedEmail).toBe(true);

    // Case does not matter: it is the same email.
    const refused = throttle.attempt('ANN@example.test', '192.0.2.1') as RefusedAttempt;
    // The oldest of the five failures was a minute ago: 14 minutes to wait.
    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 840, limitedBy: 'email' });
    time.advance(839);
    expect(throttle.attempt('ann@example.test', undefined)).toMatchObject({ admitted: false, retryAfterSeconds: 1 });
    // The first four leave the window together: four more tries, then the fifth failure (a minute later) still counts.
    time.advance(1);
    fail(throttle, 4, 'ann@example.test');
    expect(throttle.attempt('ann@example.test', undefined)).toMatchObject({ admitted: false, retryAfterSeconds: 60 });
    // Another email is not affected.
    expect(throttle.attempt('bob@example.test', undefined).admitted).toBe(true);
  });

  it('does not count refused attempts, so waiting out the window always lets the user back in', () => {
    const time = clock();
    const throttle = new LoginThrottle({ maxFailuresPerEmail: 2, windowSeconds: 60 }, time.now);
    fail(throttle, 2, 'ann@example.test');
    for (let i = 0; i < 50; i++) {
      time.advance(1);
      expect(throttle.attempt('ann@example.test', undefined).admitted).toBe(false);
    }
    time.advance(10);
    expect(throttle.attempt('ann@example.test', undefined).admitted).toBe(true);
  });

  it("forgets the email's failures on success, but not the address's other failures", () => {
    const throttle = new LoginThrottle({ maxFailuresPerEmail: 3, maxFailuresPerAddress: 5 }, clock().now);
    fail(throttle, 2, 'ann@example.test', '192.0.2.7');
    fail(throttle, 2, 'bob@example.test', '192.0.2.7');
    const mine = throttle.attempt('ann@example.test', '192.0.2.7') as AdmittedAttempt;
    mine.succeeded();
    mine.succeeded(); // twice is harmless
    // Ann starts again from nothing: three more failures before she is refused.
    fail(throttle, 1, 'ann@example.test');
    expect(throttle.attempt('bob@example.test', undefined).admitted).toBe(true);
    // The address still holds Ann's and Bob's four failures (Ann's success took back only itself): one more, then refused.
    fail(throttle, 1, 'carol@example.test', '192.0.2.7');
    expect(throttle.attempt('dan@example.test', '192.0.2.7')).toMatchObject({ admitted: false, limitedBy: 'address' });
  });

  it('limits one address however many emails it tries, and only that address', () => {
    const time = clock();
    const throttle = new LoginThrottle({ maxFailuresPerAddress: 20 }, time.now);
    const attempts = Array.from({ length: 20 }, (_, i) => fail(throttle, 1, `user${i}@example.test`, '198.51.100.4')[0]!);
    expect(attempts.filter((a) => a.lockedAddress)).toHaveLength(1);
    expect(attempts[19]!.lockedAddress).toBe(true);
    expect(throttle.attempt('someone.new@example.test', '198.51.100.4')).toEqual({
      admitted: false,
      retryAfterSeconds: 900,
      limitedBy: 'address',
    });
    expect(throttle.attempt('someone.new@example.test', '198.51.100.5').admitted).toBe(true);
    expect(throttle.attempt('someone.else@example.test', undefined).admitted).toBe(true);
    time.advance(900);
    expect(throttle.attempt('someone.new@example.test', '198.51.100.4').admitted).toBe(true);
  });

  it('counts attempts whose password is still being checked, so a burst of guesses cannot slip past', () => {
    const throttle = new LoginThrottle({ maxFailuresPerEmail: 5 }, clock().now);
    const burst = Array.from({ length: 50 }, () => throttle.attempt('ann@example.test', '192.0.2.1'));
    expect(burst.filter((a) => a.admitted)).toHaveLength(5);
  });

  it('turns a limit off with 0', () => {
    const throttle = new LoginThrottle({ maxFailuresPerEmail: 0, maxFailuresPerAddress: 0 }, clock().now);
    fail(throttle, 100, 'ann@example.test', '192.0.2.1');
    expect(throttle.size).toEqual({ emails: 0, addresses: 0 });
  });

  it('keeps its memory bounded: expired entries are swept, and the least recently failed go first when full', () => {
    const time = clock();
    const throttle = new LoginThrottle({ maxFailuresPerEmail: 5, maxFailuresPerAddress: 1_000_000 }, time.now);
    fail(throttle, 3, 'victim@example.test');
    for (let i = 0; i < MAX_TRACKED + 500; i++) fail(throttle, 1, `guess${i}@example.test`, '192.0.2.1');
    expect(throttle.size.emails).toBe(MAX_TRACKED);
    expect(throttle.size.addresses).toBe(1);
    // The address kept at most its limit of timestamps; after a window everything is swept on the next attempt.
    time.advance(901);
    fail(throttle, 1, 'after@example.test', '192.0.2.2');
    expect(throttle.size).toEqual({ emails: 1, addresses: 1 });
  });
});
