/**
 * Norwegian days and times in forms and on screen, the same in every micro-frontend:
 * - `DateField`: Aksel's date picker, typed or picked as dd.mm.åååå whatever the browser's locale
 *   (a native `<input type="date">` shows mm/dd/yyyy in an English-speaking Chromium); its value is
 *   the ISO day (`YYYY-MM-DD`) or '' — what the API's day inputs take.
 * - `TimeField`: HH:mm (24 hours), typed; `osloInstant(day, time)` turns a day and a time on the
 *   wall clocks of Oslo into the instant the API's DateTime inputs take (summer time included).
 * - `formatDay`, `formatTime`, `formatDecimal`: dd.mm.åååå, HH:mm in Oslo and decimal commas,
 *   whatever the UI's language (the product's formats are Norwegian; only the words change).
 */
import { TZDate } from '@date-fns/tz';
import { DatePicker, TextField, useDatepicker } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from './mutation-texts.js';

const OSLO_ZONE = 'Europe/Oslo';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/;

/** The ISO day of a date picked in the browser (its local calendar day, never shifted to UTC). */
export function isoDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The browser-local Date of an ISO day (for the picker), or undefined when not a valid day. */
export function dateOfIsoDay(day: string | null | undefined): Date | undefined {
  const m = DAY.exec(day ?? '');
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoDayOf(date) === day ? date : undefined;
}

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
  const d = DAY.exec(day);
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
  if (typeof value === 'string' && DAY.test(value)) {
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

export interface DateFieldProps {
  label: string;
  /** The ISO day, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  error?: string;
  description?: string;
  /** Earliest and latest day that may be picked (ISO days). */
  fromDay?: string;
  toDay?: string;
  size?: 'small' | 'medium';
  name?: string;
  /** The input's id (an error summary links to it: `fieldId(prefix, field)`). */
  id?: string;
}

/** Aksel's date picker as a controlled field of ISO days, in the UI's language, typed as dd.mm.åååå. */
export function DateField({
  label,
  value,
  onChange,
  error,
  description,
  fromDay,
  toDay,
  size,
  name,
  id,
}: DateFieldProps) {
  const { i18n } = useTranslation();
  const locale = languageOf(i18n?.language) === 'en' ? 'en' : 'nb';
  const last = useRef(value);
  const { datepickerProps, inputProps, setSelected } = useDatepicker({
    locale,
    defaultSelected: dateOfIsoDay(value),
    fromDate: dateOfIsoDay(fromDay),
    toDate: dateOfIsoDay(toDay),
    onDateChange: (date) => {
      const day = date ? isoDayOf(date) : '';
      last.current = day;
      onChange(day);
    },
  });
  // A value set from outside (a reset after saving, a prefill) reaches the picker.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setSelected(dateOfIsoDay(value));
    }
  }, [value, setSelected]);
  return (
    <DatePicker {...datepickerProps}>
      <DatePicker.Input
        {...inputProps}
        label={label}
        description={description}
        error={error}
        size={size}
        name={name}
        {...(id ? { id } : {})}
        placeholder="dd.mm.åååå"
      />
    </DatePicker>
  );
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
