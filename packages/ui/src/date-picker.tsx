/**
 * `DateField`: Aksel's date picker, typed or picked as dd.mm.åååå whatever the browser's locale (a
 * native `<input type="date">` shows mm/dd/yyyy in an English-speaking Chromium); its value is the
 * ISO day (`YYYY-MM-DD`) or '' — what the API's day inputs take.
 *
 * Imported as `@ips/ui/date-field`, not from `@ips/ui`: the picker (react-day-picker and date-fns,
 * about 90 KiB of minified code) is then built into the micro-frontends' screens that have a date to
 * type, which load when such a screen is shown, and not into the shell's start-up code, which
 * provides `@ips/ui` whole to every micro-frontend (docs/adr/0021 §7). It keeps no state outside
 * React's, so a copy per micro-frontend behaves as one.
 */
import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dateOfIsoDay, isoDayOf } from './iso-day';

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
  // `languageOf`'s rule (./mutation-texts.ts), not imported: that module would bring every
  // mutation's texts and the GraphQL parser along into each micro-frontend's copy.
  const locale = i18n?.language?.startsWith('en') ? 'en' : 'nb';
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
