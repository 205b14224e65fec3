/** How many failed sign-ins are allowed, and over how long. A limit of 0 turns that limit off. */
export interface LoginLimits {
  /** Failed sign-ins for one email address within the window (default 5). */
  maxFailuresPerEmail: number;
  /** Failed sign-ins from one client address within the window, whatever the email (default 20). */
  maxFailuresPerAddress: number;
  /** The window, in seconds (default 900: 15 minutes). */
  windowSeconds: number;
}

/** The limits used unless configured (`QAF_LOGIN_MAX_FAILURES`, `QAF_LOGIN_MAX_FAILURES_PER_ADDRESS`, `QAF_LOGIN_WINDOW_SECONDS`). */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = Object.freeze({
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 20,
  windowSeconds: 900,
});

/** Most emails (and, separately, most addresses) remembered at once; the least recently failed is forgotten first. */
export const MAX_TRACKED = 10_000;

/** A sign-in attempt let through: it counts as a failure unless `succeeded` is called. */
export interface AdmittedAttempt {
  admitted: true;
  /** The password was right: forgets the email's failures, and this attempt for the address. */
  succeeded(): void;
  /** True when this failure used up the email's last try (log it, or tell someone). */
  readonly lockedEmail: boolean;
  /** True when this failure used up the address's last try. */
  readonly lockedAddress: boolean;
}

/** A sign-in attempt refused without looking at the password. */
export interface RefusedAttempt {
  admitted: false;
  /** Whole seconds until the oldest counted failure leaves the window (at least 1). */
  retryAfterSeconds: number;
  /** Which limit refused it. */
  limitedBy: 'email' | 'address';
}

/**
 * Counts failed sign-ins per email address and per client address over a sliding window, and
 * refuses further attempts once either has reached its limit, until the oldest failure counted
 * leaves the window. Refused attempts are not counted, so waiting always helps.
 *
 * An attempt is counted as a failure as soon as it is admitted, before its password is checked,
 * so that many guesses sent at once cannot all slip in while the first are still being hashed;
 * `succeeded` takes it back. A success forgets every failure of that email, but only its own
 * attempt for the address: signing in to your own account does not reset the address's count
 * of guesses at other people's.
 *
 * Kept in this process's memory: each server counts on its own, so with several servers behind a
 * load balancer the effective limit is the limit times the number of servers, and a restart
 * forgets. Memory is bounded: at most `MAX_TRACKED` emails and addresses, each with at most its
 * limit of timestamps; expired ones are swept out once a window, and the least recently failed
 * forgotten first when full.
 */
export class LoginThrottle {
  readonly #limits: LoginLimits;
  readonly #windowMs: number;
  readonly #now: () => Date;
  readonly #emails = new Map<string, number[]>();
  readonly #addresses = new Map<string, number[]>();
  #lastSweep = Number.NEGATIVE_INFINITY;

  /** @param limits any not given are the defaults; `now` is the app's clock. */
  constructor(limits: Partial<LoginLimits>, now: () => Date) {
    this.#limits = { ...DEFAULT_LOGIN_LIMITS, ...withoutUndefined(limits) };
    this.#windowMs = Math.max(0, this.#limits.windowSeconds) * 1000;
    this.#now = now;
  }

  /** The limits in force. */
  get limits(): LoginLimits {
    return { ...this.#limits };
  }

  /**
   * Admits a sign-in attempt for `email` (compared lower-cased) from `address` (undefined when
   * unknown: only the email's limit applies), or refuses it when either limit is used up.
   */
  attempt(email: string, address: string | undefined): AdmittedAttempt | RefusedAttempt {
    const now = this.#now().getTime();
    this.#sweep(now);
    const emailKey = email.toLowerCase();
    const emailFailures = this.#recent(this.#emails, emailKey, now);
    const addressFailures = address === undefined ? [] : this.#recent(this.#addresses, address, now);
    const byEmail = this.#wait(emailFailures, this.#limits.maxFailuresPerEmail, now);
    const byAddress = this.#wait(addressFailures, this.#limits.maxFailuresPerAddress, now);
    if (byEmail > 0 || byAddress > 0) {
      return {
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil(Math.max(byEmail, byAddress) / 1000)),
        limitedBy: byEmail >= byAddress ? 'email' : 'address',
      };
    }
    const lockedEmail = this.#count(this.#emails, emailKey, emailFailures, this.#limits.maxFailuresPerEmail, now);
    const lockedAddress =
      address !== undefined && this.#count(this.#addresses, address, addressFailures, this.#limits.maxFailuresPerAddress, now);
    let settled = false;
    return {
      admitted: true,
      lockedEmail,
      lockedAddress,
      succeeded: () => {
        if (settled) return;
        settled = true;
        this.#emails.delete(emailKey);
        if (address === undefined) return;
        const failures = this.#addresses.get(address);
        const at = failures?.lastIndexOf(now) ?? -1;
        if (failures && at >= 0) failures.splice(at, 1);
        if (failures?.length === 0) this.#addresses.delete(address);
      },
    };
  }

  /** Forgets an email's failures (after a platform admin sets a new password for it). */
  forgetEmail(email: string): void {
    this.#emails.delete(email.toLowerCase());
  }

  /** How many emails and addresses are remembered (for tests of the memory bound). */
  get size(): { emails: number; addresses: number } {
    return { emails: this.#emails.size, addresses: this.#addresses.size };
  }

  /** The failures of `key` still inside the window, oldest first (the stored list, trimmed). */
  #recent(map: Map<string, number[]>, key: string, now: number): number[] {
    const failures = map.get(key);
    if (!failures) return [];
    while (failures.length > 0 && failures[0]! <= now - this.#windowMs) failures.shift();
    if (failures.length === 0) map.delete(key);
    return failures;
  }

  /** Milliseconds to wait before `failures` allow another attempt (0: now). */
  #wait(failures: number[], limit: number, now: number): number {
    if (limit <= 0 || failures.length < limit) return 0;
    return failures[failures.length - limit]! + this.#windowMs - now;
  }

  /** Counts a failure now; true when it used up the last try. Keeps at most `limit` timestamps. */
  #count(map: Map<string, number[]>, key: string, failures: number[], limit: number, now: number): boolean {
    if (limit <= 0 || this.#windowMs === 0) return false;
    failures.push(now);
    while (failures.length > limit) failures.shift();
    // Re-inserting keeps the map in order of last failure, so the oldest is forgotten first.
    map.delete(key);
    if (map.size >= MAX_TRACKED) {
      this.#sweep(now, true);
      if (map.size >= MAX_TRACKED) map.delete(map.keys().next().value!);
    }
    map.set(key, failures);
    return failures.length >= limit;
  }

  /** Drops every email and address whose failures have all left the window (at most once a window unless forced). */
  #sweep(now: number, force = false): void {
    if (!force && now - this.#lastSweep < this.#windowMs) return;
    this.#lastSweep = now;
    for (const map of [this.#emails, this.#addresses]) {
      for (const [key, failures] of map) {
        if (failures.length === 0 || failures[failures.length - 1]! <= now - this.#windowMs) map.delete(key);
      }
    }
  }
}

function withoutUndefined(limits: Partial<LoginLimits>): Partial<LoginLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)) as Partial<LoginLimits>;
}
