/**
 * The Aksel pieces that show a mutation's errors: the form's error (a conflict, a refusal, a
 * failure on the way) as an alert, and an error summary of the field errors that links to each
 * field (give the fields `id={fieldId(field)}`). Field errors themselves go on the Aksel field's
 * own `error` prop: `<TextField error={form.fieldErrors.name} … />`.
 */
import { Alert, ErrorSummary } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './mutation.js';
import { languageOf, mutationTexts } from './mutation-texts.js';

/** The error that belongs to no field, as an alert read out when it appears. */
export function FormError({ form }: { form: { formError: string | null } }) {
  if (!form.formError) return null;
  return (
    <Alert variant="error" size="small" role="alert">
      {form.formError}
    </Alert>
  );
}

/** The id a field gets so the error summary can link to it. */
export const fieldId = (prefix: string, field: string) => `${prefix}-${field}`;

/**
 * Aksel's error summary of the field errors, each a link to its field (`id={fieldId(prefix,
 * field)}`); nothing when there are none.
 */
export function FieldErrorSummary({
  form,
  idPrefix,
  heading,
}: {
  form: { fieldErrors: FieldErrors };
  idPrefix: string;
  heading?: string;
}) {
  const { i18n } = useTranslation();
  const entries = Object.entries(form.fieldErrors);
  if (!entries.length) return null;
  return (
    <ErrorSummary size="small" heading={heading ?? mutationTexts[languageOf(i18n?.language)].summaryHeading}>
      {entries.map(([field, text]) => (
        <ErrorSummary.Item key={field} href={`#${fieldId(idPrefix, field)}`}>
          {text}
        </ErrorSummary.Item>
      ))}
    </ErrorSummary>
  );
}
