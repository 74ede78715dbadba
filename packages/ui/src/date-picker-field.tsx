/**
 * The date picker behind `DateField` (date-field.tsx), in a chunk of its own: Aksel's `DatePicker`
 * pulls in react-day-picker and date-fns, which the first screen does not need.
 */
import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateFieldProps, dateOfIsoDay, isoDayOf } from './date-field.js';
import { languageOf } from './mutation-texts.js';

/** Aksel's date picker as a controlled field of ISO days, in the UI's language, typed as dd.mm.åååå. */
export default function DatePickerField({
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
