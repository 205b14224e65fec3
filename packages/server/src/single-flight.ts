/**
 * One fetch per key at a time, shared by everyone who asks for that key while it is under way:
 * when a cache misses under load (a server starting, an entry expiring), fifty requests asking at
 * once make one store read, not fifty. Only the fetch in flight is kept: once it settles it is
 * forgotten, so a failed fetch is never remembered (the next caller fetches again), and whatever
 * the fetch found is for the caller's own cache to keep.
 *
 * @example
 * const flights = new SingleFlight<string, Row>();
 * const row = await flights.run(id, () => readRow(db, id)); // concurrent callers share one read
 */
export class SingleFlight<K, V> {
  readonly #inFlight = new Map<K, Promise<V>>();

  /** The fetch under way for `key`, else `fetch()` started now and shared until it settles. */
  run(key: K, fetch: () => Promise<V>): Promise<V> {
    const under = this.#inFlight.get(key);
    if (under) return under;
    let flight: Promise<V>;
    try {
      flight = fetch();
    } catch (error) {
      // A fetch that throws before returning its promise fails its caller only.
      return Promise.reject(error);
    }
    this.#inFlight.set(key, flight);
    const land = () => {
      if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
    };
    flight.then(land, land);
    return flight;
  }

  /**
   * Stops sharing every fetch under way: callers from now on start their own (those already
   * waiting still get theirs). For a cache cleared because what was read may be stale.
   */
  clear(): void {
    this.#inFlight.clear();
  }

  /** How many fetches are under way. */
  get size(): number {
    return this.#inFlight.size;
  }
}
