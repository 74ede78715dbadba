/** Deterministic randomness and calendar helpers for the seed (no Math.random, no wall clock). */

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: small, fast, good enough for synthetic data. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct items (fewer when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    }
    return out;
  }

  /** A UUID v7 whose timestamp is `at` (so ids sort by creation time), random bits from this stream. */
  uuid7(at: Date): string {
    const ms = at.getTime();
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const timeHex = hex(Math.floor(ms / 0x10000), 8) + hex(ms % 0x10000, 4);
    const r = () => this.int(0, 0xffff);
    const randA = hex(0x7000 | (r() & 0x0fff), 4);
    const randB = hex(0x8000 | (r() & 0x3fff), 4);
    return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-${randA}-${randB}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`;
  }
}

const DAY_MS = 86_400_000;

/** Calendar days as integers (days since 1970-01-01); rendered as `date` columns. */
export type Day = number;

export function dayOf(iso: string): Day {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDay(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An instant on a calendar day at a local working hour (stored in UTC). */
export function at(day: Day, hour = 9, minute = 0): Date {
  return new Date(day * DAY_MS + (hour - 1) * 3_600_000 + minute * 60_000);
}

/** 0 = Monday … 6 = Sunday */
export function weekday(day: Day): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

/** Moves a day forward to the next weekday (Mon–Fri). */
export function workday(day: Day): Day {
  const w = weekday(day);
  return w === 5 ? day + 2 : w === 6 ? day + 1 : day;
}
