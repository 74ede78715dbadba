/**
 * Small pieces the person page's forms share: the frame of a work form (heading, error summary and
 * form error first), the row of submit and cancel buttons, an error shown as an alert at a field
 * the form has no input for, the focus a form takes when a duty's link opens it, a choice among
 * the values of a code list (each shown by its text `<textPrefix>_<VALUE>`, never the code) and
 * the free-text reason of an ending.
 */
import { FieldErrorSummary, FormError, fieldId } from '@ips/ui';
import {
  Alert,
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Scrolls to and focuses the form when it opens with `autoFocus` (a duty's link led here). */
export function useFocusOnOpen(autoFocus: boolean | undefined) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) {
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus();
    }
  }, [autoFocus]);
  return ref;
}

/** The submit button (left out when `submitLabel` is null) and the cancel button. */
export function SubmitRow({
  submitLabel,
  cancelLabel,
  fetching,
  disabled,
  onCancel,
  size,
}: {
  submitLabel: string | null;
  cancelLabel: string;
  fetching: boolean;
  /** The submit button is shown but cannot be used (after a conflict, until the form is reloaded). */
  disabled?: boolean;
  onCancel: () => void;
  size?: 'small';
}) {
  return (
    <HStack gap="space-8" wrap>
      {submitLabel === null ? null : (
        <Button type="submit" size={size} loading={fetching} disabled={disabled}>
          {submitLabel}
        </Button>
      )}
      <Button type="button" size={size} variant="tertiary" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </HStack>
  );
}

/** An API error at a field the form has no input for: an alert the error summary can focus. */
export function FieldAlert({
  prefix,
  field,
  error,
}: {
  prefix: string;
  field: string;
  error: string | undefined;
}) {
  if (!error) return null;
  return (
    <Alert variant="error" size="small" id={fieldId(prefix, field)} tabIndex={-1}>
      {error}
    </Alert>
  );
}

/**
 * A work form (job, study, application): the heading, the error summary and the form error, then
 * its rows, then the submit button (`submitLabel`) and cancel.
 */
export function WorkFormFrame({
  id,
  headingId,
  heading,
  idPrefix,
  form,
  onSubmit,
  submitLabel,
  onCancel,
  children,
}: {
  id?: string;
  headingId: string;
  heading: string;
  idPrefix: string;
  form: { fieldErrors: Record<string, string>; formError: string | null; fetching: boolean };
  onSubmit: (e: FormEvent) => void;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <form onSubmit={onSubmit} aria-labelledby={headingId} id={id}>
      <VStack gap="space-12">
        <Heading level="3" size="small" id={headingId}>
          {heading}
        </Heading>
        <FieldErrorSummary form={form} idPrefix={idPrefix} />
        <FormError form={form} />
        {children}
        <SubmitRow
          submitLabel={submitLabel}
          cancelLabel={t('wk_cancel')}
          fetching={form.fetching}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}

/** The text key of a code list's value (the code itself is never shown). */
const codeText = (textPrefix: string, value: string): string => `${textPrefix}_${value}`;

interface ChoiceProps<V extends string> {
  id?: string;
  label: string;
  values: readonly V[];
  /** Each value is shown as the text `${textPrefix}_${value}`. */
  textPrefix: string;
  value: V | '';
  onChange: (value: V) => void;
  error?: string | undefined;
}

/** A select among a code list's values; `empty` adds a first option with no value. */
export function CodeSelect<V extends string>({
  id,
  label,
  values,
  textPrefix,
  value,
  onChange,
  error,
  size,
  empty,
}: ChoiceProps<V> & { size?: 'small'; empty?: string }) {
  const { t } = useTranslation('portfolio');
  return (
    <Select
      id={id}
      label={label}
      size={size}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value as V)}
    >
      {empty === undefined ? null : <option value="">{empty}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(codeText(textPrefix, v))}
        </option>
      ))}
    </Select>
  );
}

/** Radio buttons for a code list's values. */
export function CodeRadios<V extends string>({
  id,
  label,
  values,
  textPrefix,
  value,
  onChange,
  error,
}: ChoiceProps<V>) {
  const { t } = useTranslation('portfolio');
  return (
    <RadioGroup
      id={id}
      legend={label}
      size="small"
      value={value}
      error={error}
      onChange={(v: V) => onChange(v)}
    >
      {values.map((v) => (
        <Radio key={v} value={v}>
          {t(codeText(textPrefix, v))}
        </Radio>
      ))}
    </RadioGroup>
  );
}

/** Why a job or a study ended (free text, optional). */
export function ReasonField({
  prefix,
  value,
  onChange,
  error,
}: {
  prefix: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <Textarea
      id={fieldId(prefix, 'reason')}
      label={t('wk_reason')}
      value={value}
      maxLength={2000}
      minRows={2}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
