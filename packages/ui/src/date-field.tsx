/**
 * Norwegian days and times in forms and on screen, the same in every micro-frontend:
 * - `DateField` (in `./date-picker.tsx`, imported as `@ips/ui/date-field`): Aksel's date picker.
 * - `TimeField`: HH:mm (24 hours), typed; `osloInstant(day, time)` turns a day and a time on the
 *   wall clocks of Oslo into the instant the API's DateTime inputs take (summer time included).
 * - `formatDay`, `formatTime`, `formatDecimal`: dd.mm.åååå, HH:mm in Oslo and decimal commas,
 *   whatever the UI's language (the product's formats are Norwegian; only the words change).
 */
import { TZDate } from '@date-fns/tz';
import { TextField } from '@navikt/ds-react';
import { dateOfIsoDay, ISO_DAY } from './iso-day';
import { languageOf } from './mutation-texts.js';

const OSLO_ZONE = 'Europe/Oslo';
const TIME = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/;

/** Today's day in Oslo as `YYYY-MM-DD` (the day the user lives in, not UTC's). */
export function osloToday(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: OSLO_ZONE });
}

/** The time now on Oslo's clocks, `HH:mm`. */
export function osloNowTime(now: Date = new Date()): string {
  return now.toLocaleTimeString('sv-SE', { timeZone: OSLO_ZONE, hour: '2-digit', minute: '2-digit' });
}

/** `HH:mm` from what was typed (`9:05`, `0905`, `09.05`), or null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim());
  return m ? `${m[1]?.padStart(2, '0')}:${m[2]}` : null;
}

/** The instant (ISO, UTC) of a day and a time of day on Oslo's clocks; null when either is invalid. */
export function osloInstant(day: string, time: string): string | null {
  const d = ISO_DAY.exec(day);
  const hm = parseTime(time);
  if (!d || !hm || !dateOfIsoDay(day)) return null;
  const [h, m] = hm.split(':').map(Number) as [number, number];
  return new Date(
    new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), h, m, OSLO_ZONE).getTime(),
  ).toISOString();
}

/** dd.mm.åååå in Oslo, for an ISO day or an instant; '–' when there is none. */
export function formatDay(value: string | Date | null | undefined): string {
  if (!value) return '–';
  if (typeof value === 'string' && ISO_DAY.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '–';
  return date.toLocaleDateString('nb-NO', {
    timeZone: OSLO_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}

/** HH:mm of an instant on Oslo's clocks. */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '–';
  return date.toLocaleTimeString('nb-NO', { timeZone: OSLO_ZONE, hour: '2-digit', minute: '2-digit' });
}

/** dd.mm.åååå kl. HH:mm (or "at" in English). */
export function formatDayTime(value: string | Date | null | undefined, language?: string): string {
  if (!value) return '–';
  return `${formatDay(value)} ${languageOf(language) === 'en' ? 'at' : 'kl.'} ${formatTime(value)}`;
}

/** A number with a decimal comma (0,8; 38,6), at most `digits` decimals. */
export function formatDecimal(value: number, digits = 1): string {
  return value.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export interface TimeFieldProps {
  label: string;
  /** `HH:mm`, or what the user is typing. */
  value: string;
  onChange: (text: string) => void;
  error?: string;
  size?: 'small' | 'medium';
  name?: string;
  /** The input's id (an error summary links to it: `fieldId(prefix, field)`). */
  id?: string;
}

/** A time of day typed as HH:mm (24 hours); check it with `parseTime` before sending. */
export function TimeField({ label, value, onChange, error, size, name, id }: TimeFieldProps) {
  return (
    <TextField
      {...(id ? { id } : {})}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      size={size}
      name={name}
      inputMode="numeric"
      autoComplete="off"
      placeholder="tt:mm"
      htmlSize={6}
      style={{ maxWidth: '7rem' }}
    />
  );
}
