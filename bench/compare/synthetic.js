// The app's synthetic incident (src/sample/synthetic.rs) in JavaScript, value for value, so the
// reference pages draw exactly what `?synthetic=EVENTS,POINTS` draws. Used by the pages (built
// in the page, as the app builds it in memory) and by bench/compare/data.mjs (the text file).

const DAY_MS = 86_400_000;
/** 2024-01-15T00:00:00Z, the synthetic incident's day. */
export const DAY_START_MS = 1_705_276_800_000;

/** Phrases that cycle through the event kinds, as in synthetic.rs. */
export const PHRASES = [
  'Errors began after a deploy',
  'Alert fired on elevated 5xx rate',
  'On-call acknowledged the page',
  'Investigating the load balancer logs',
  'Escalated to the storage team',
  'Initially suspected the CDN',
  'Root cause identified in the connection pool',
  'Rolled back the config change',
  'Checking replica lag',
  'Service fully recovered',
];

const TWO_32 = 4294967296;

/** The full 64-bit product of two u32 as [high, low] u32 (16-bit limbs keep doubles exact). */
function mul32(a, b) {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2^33
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^49
  const high = a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / TWO_32);
  return [high >>> 0, low >>> 0];
}

/**
 * xorshift64* with the seed of synthetic.rs, on two u32 halves: BigInt would give the same
 * numbers but costs ~10× more, which would bill the 1,000,000-point uPlot page for JS's
 * lack of u64 rather than for drawing.
 */
export class Noise {
  constructor() {
    this.hi = 0x9e3779b9;
    this.lo = 0x7f4a7c15;
  }

  /** The next number in [0, 1), exactly as `Noise::next_unit`. */
  nextUnit() {
    let { hi, lo } = this;
    // x ^= x >> 12
    lo = (lo ^ ((lo >>> 12) | (hi << 20))) >>> 0;
    hi = (hi ^ (hi >>> 12)) >>> 0;
    // x ^= x << 25
    hi = (hi ^ ((hi << 25) | (lo >>> 7))) >>> 0;
    lo = (lo ^ (lo << 25)) >>> 0;
    // x ^= x >> 27
    lo = (lo ^ ((lo >>> 27) | (hi << 5))) >>> 0;
    hi = (hi ^ (hi >>> 27)) >>> 0;
    this.hi = hi;
    this.lo = lo;
    // (x * 0x2545f4914f6cdd1d) mod 2^64, then >> 11 as a 53-bit fraction.
    const [carry, low] = mul32(lo, 0x4f6cdd1d);
    const high = (carry + Math.imul(hi, 0x4f6cdd1d) + Math.imul(lo, 0x2545f491)) >>> 0;
    return (high * 2097152 + (low >>> 11)) / 9007199254740992;
  }
}

/** The events of `syntheticIncident(events)`: time (ms since the day's start) and text. */
export function syntheticEvents(events, noise = new Noise()) {
  const times = new Float64Array(events);
  for (let i = 0; i < events; i++) times[i] = Math.trunc(noise.nextUnit() * (DAY_MS - 1000));
  times.sort();
  return Array.from(times, (ms, i) => ({
    // The app keeps whole seconds (NaiveTime from the seconds of the day).
    ms: Math.floor(ms / 1000) * 1000,
    text: `${PHRASES[i % PHRASES.length]} (event ${i + 1})`,
  }));
}

/**
 * The error-rate series of `syntheticIncident(events, points)` as uPlot wants it: times in
 * seconds and values. `noise` must have drawn the events first, as in synthetic.rs.
 */
export function syntheticSeries(points, noise = new Noise()) {
  const xs = new Float64Array(points);
  const ys = new Float64Array(points);
  const n = Math.max(points, 1);
  const step = DAY_MS / n;
  for (let i = 0; i < points; i++) {
    const t = i / n;
    const bump = Math.exp(-(((t - 0.5) * 6) ** 2)) * 40;
    xs[i] = (DAY_START_MS + Math.trunc(i * step)) / 1000;
    ys[i] = Math.max(bump + noise.nextUnit() * 3, 0);
  }
  return [xs, ys];
}
