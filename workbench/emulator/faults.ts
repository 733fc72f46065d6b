/** Fault injection settings: rates are probabilities (0…1) per request, drawn from a PRNG seeded by `seed`. */
export interface FaultSettings {
  /** Share of requests answered 429 Too Many Requests (with Retry-After). */
  rate429?: number;
  /** Share of requests answered 503 Service Unavailable (with Retry-After). */
  rate503?: number;
  /** Share of requests whose connection is reset without an answer. */
  rateReset?: number;
  /**
   * Share of write requests (anything but GET/HEAD) that are carried out and committed, after which the connection is
   * dropped before the answer is sent: the write landed, the caller cannot tell.
   */
  rateLostAnswer?: number;
  /** Latency added to every matching request, in milliseconds. */
  latencyMs?: number;
  /** Retry-After value sent with 429/503 (seconds, default 1). */
  retryAfterSeconds?: number;
  /** Regular expression (case-insensitive) a request path must match to be affected; default: every API path. */
  pathPattern?: string;
  /** PRNG seed: the same seed gives the same sequence of faults (default 1). */
  seed?: number;
}

/** What the server does with one request. */
export type FaultDecision = {
  kind: 'none' | '429' | '503' | 'reset' | 'lostAnswer';
  latencyMs: number;
  retryAfterSeconds: number;
};

/** Counts of faults injected since the last `set`/`clear`. */
export interface FaultCounts {
  requests: number;
  '429': number;
  '503': number;
  reset: number;
  lostAnswer: number;
}

/** mulberry32: small, fast, deterministic PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic fault injection for reliability tests (set per test, cleared after). */
export class FaultController {
  private settings: FaultSettings | null = null;
  private pattern: RegExp | null = null;
  private random: () => number = mulberry32(1);
  private counts: FaultCounts = { requests: 0, '429': 0, '503': 0, reset: 0, lostAnswer: 0 };

  /** Replaces the fault settings (validated: rates in 0…1, their sum at most 1, a valid pattern). */
  set(s: FaultSettings): void {
    const rates = ['rate429', 'rate503', 'rateReset', 'rateLostAnswer'] as const;
    for (const k of rates) {
      const v = s[k];
      if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1)))
        throw new Error(`faults.${k} must be a number from 0 to 1`);
    }
    if (rates.reduce((t, k) => t + (s[k] ?? 0), 0) > 1)
      throw new Error('faults: rate429 + rate503 + rateReset + rateLostAnswer must be at most 1');
    for (const k of ['latencyMs', 'retryAfterSeconds', 'seed'] as const) {
      const v = s[k];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
        throw new Error(`faults.${k} must be a non-negative number`);
    }
    let pattern: RegExp | null = null;
    if (s.pathPattern !== undefined) {
      if (typeof s.pathPattern !== 'string')
        throw new Error('faults.pathPattern must be a string (regular expression)');
      try {
        pattern = new RegExp(s.pathPattern, 'i');
      } catch (e) {
        throw new Error(`faults.pathPattern is not a valid regular expression: ${(e as Error).message}`);
      }
    }
    this.settings = { ...s };
    this.pattern = pattern;
    this.random = mulberry32(s.seed ?? 1);
    this.counts = { requests: 0, '429': 0, '503': 0, reset: 0, lostAnswer: 0 };
  }

  /** Removes all faults. */
  clear(): void {
    this.settings = null;
    this.pattern = null;
    this.counts = { requests: 0, '429': 0, '503': 0, reset: 0, lostAnswer: 0 };
  }

  /** Current settings (null when none). */
  current(): FaultSettings | null {
    return this.settings ? { ...this.settings } : null;
  }

  /** Faults injected since the last set/clear. */
  injected(): FaultCounts {
    return { ...this.counts };
  }

  /**
   * Decides the fate of one request (consumes one PRNG draw when a rate applies). A lost answer applies to writes only:
   * a read whose answer is lost is a reset, and counted as one.
   */
  decide(path: string, method = 'POST'): FaultDecision {
    const s = this.settings;
    const none: FaultDecision = { kind: 'none', latencyMs: 0, retryAfterSeconds: 0 };
    if (!s) return none;
    if (this.pattern && !this.pattern.test(path)) return none;
    this.counts.requests++;
    const retryAfterSeconds = s.retryAfterSeconds ?? 1;
    const latencyMs = s.latencyMs ?? 0;
    const r = this.random();
    let edge = s.rate429 ?? 0;
    if (r < edge) {
      this.counts['429']++;
      return { kind: '429', latencyMs, retryAfterSeconds };
    }
    edge += s.rate503 ?? 0;
    if (r < edge) {
      this.counts['503']++;
      return { kind: '503', latencyMs, retryAfterSeconds };
    }
    edge += s.rateReset ?? 0;
    if (r < edge) {
      this.counts.reset++;
      return { kind: 'reset', latencyMs, retryAfterSeconds };
    }
    edge += s.rateLostAnswer ?? 0;
    if (r < edge) {
      if (/^(GET|HEAD)$/i.test(method)) {
        this.counts.reset++;
        return { kind: 'reset', latencyMs, retryAfterSeconds };
      }
      this.counts.lostAnswer++;
      return { kind: 'lostAnswer', latencyMs, retryAfterSeconds };
    }
    return { kind: 'none', latencyMs, retryAfterSeconds };
  }
}
