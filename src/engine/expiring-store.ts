export interface ExpiringStoreOptions<V> {
  /** How long an entry lives, in ms. */
  ttl: number;
  /** Most entries kept; the oldest go first. */
  maxEntries: number;
  /** Most total size kept (see `sizeOf`); the oldest go first. */
  maxSize?: number;
  sizeOf?: (value: V) => number;
  /** Called for every entry removed by expiry, eviction or `clear` (not by `delete`). */
  onEvict?: (key: string, value: V) => void;
}

interface Entry<V> {
  value: V;
  size: number;
  expiresAt: number;
}

/**
 * A bounded in-memory map whose entries expire. Insertion order is age order, so expiry and eviction only ever
 * look at the front.
 */
export class ExpiringStore<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #options: ExpiringStoreOptions<V>;
  #size = 0;

  constructor(options: ExpiringStoreOptions<V>) {
    this.#options = options;
  }

  /** Total size of the entries kept. */
  get size(): number {
    return this.#size;
  }

  get count(): number {
    return this.#entries.size;
  }

  set(key: string, value: V, now = Date.now()): void {
    this.delete(key);
    const size = this.#options.sizeOf?.(value) ?? 0;
    this.#entries.set(key, { value, size, expiresAt: now + this.#options.ttl });
    this.#size += size;
    this.#evict(now);
  }

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.#remove(key, entry, true);
      return undefined;
    }
    return entry.value;
  }

  /** When `key` expires (ms since epoch), if it is there. */
  expiresAt(key: string): number | undefined {
    return this.#entries.get(key)?.expiresAt;
  }

  delete(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#remove(key, entry, false);
    return true;
  }

  /** Drops every expired entry. */
  sweep(now = Date.now()): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#remove(key, entry, true);
    }
  }

  clear(): void {
    for (const [key, entry] of [...this.#entries]) this.#remove(key, entry, true);
  }

  #evict(now: number): void {
    this.sweep(now);
    const { maxEntries, maxSize = Infinity } = this.#options;
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= maxEntries && this.#size <= maxSize) break;
      // Never evict the newest entry for size alone: one file larger than the cap is still served once.
      if (this.#entries.size === 1) break;
      this.#remove(key, entry, true);
    }
  }

  #remove(key: string, entry: Entry<V>, notify: boolean): void {
    this.#entries.delete(key);
    this.#size -= entry.size;
    if (notify) this.#options.onEvict?.(key, entry.value);
  }
}
