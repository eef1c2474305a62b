import type { RateLimitConfig } from '../config/app-config.js';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

/** Buckets beyond this many make the next take sweep out the full ones (callers gone quiet). */
const SWEEP_ABOVE = 10_000;

/**
 * One token bucket per key: `requests` tokens, refilled evenly over the window, so a
 * caller may burst up to the limit and then goes at the window's pace. Kept in memory
 * per process: several API processes each allow the limit.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.requests / (limit.windowSeconds * 1000);
  }

  /** Takes a token for `key`: undefined when granted, else the whole seconds until one is free. */
  take(key: string): number | undefined {
    const now = this.now();
    if (this.buckets.size > SWEEP_ABOVE) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.requests, at: now };
    bucket.tokens = Math.min(this.limit.requests, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit.requests) this.buckets.delete(key);
    }
  }
}
