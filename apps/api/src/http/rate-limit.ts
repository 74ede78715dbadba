/**
 * A fixed-window rate limit per key (in memory, per instance). `hit` counts a request; `blocked`
 * only asks. Both answer the seconds until the window ends when the key is over the limit, else 0.
 */
export interface RateLimiter {
  hit(key: string): number;
  blocked(key: string): number;
}

export function rateLimiter(perMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, now: number) => {
    const w = windows.get(key);
    return w && now - w.start < 60_000 ? w : undefined;
  };
  const wait = (w: { start: number }, now: number) => Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000));
  return {
    hit(key: string): number {
      const now = Date.now();
      const w = current(key, now);
      if (!w) {
        if (windows.size >= 50_000) windows.clear();
        windows.set(key, { start: now, count: 1 });
        return 1 > perMinute ? 60 : 0;
      }
      w.count += 1;
      return w.count > perMinute ? wait(w, now) : 0;
    },
    blocked(key: string): number {
      const now = Date.now();
      const w = current(key, now);
      return w && w.count >= perMinute ? wait(w, now) : 0;
    },
  };
}
