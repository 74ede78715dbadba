/**
 * The Aksel pieces that show a mutation's errors: the form's error (a conflict, a refusal, a
 * failure on the way) as an alert, and an error summary of the field errors that links to each
 * field (give the fields `id={fieldId(field)}`). Field errors themselves go on the Aksel field's
 * own `error` prop: `<TextField error={form.fieldErrors.name} … />`.
 */
import { Alert, BodyLong, ErrorSummary, Heading } from '@navikt/ds-react';
import type { ReactNode } from 'react';
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

/**
 * A save refused because someone saved the record in between (a ConflictError): what happened, and
 * the ways on (`children`: reload and discard the draft, compare, keep mine on top of theirs). The
 * draft itself stays in the form: nothing typed is lost.
 */
export function ConflictAlert({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  children: ReactNode;
}) {
  return (
    <Alert variant="warning" role="alert">
      <Heading level="3" size="small">
        {title}
      </Heading>
      <BodyLong>{body}</BodyLong>
      {children}
    </Alert>
  );
}

/** The id a field gets so the error summary can link to it. */
export const fieldId = (prefix: string, field: string) => `${prefix}-${field}`;

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, [tabindex]';

/**
 * Moves focus to a field by its id: the element itself when it takes focus, else the first field
 * inside it (a group's first checkbox, a wrapper's input). A fragment link alone scrolls but does
 * not move focus to an element that cannot take it. True when something got focus.
 */
export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const target = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
  return document.activeElement === target;
}

/**
 * Aksel's error summary of the field errors, each a link to its field (`id={fieldId(prefix,
 * field)}`) that moves focus there; nothing when there are none. `targets` names the field whose
 * input shows an issue of another name (e.g. the API's `heldAt` shown at the day field).
 */
export function FieldErrorSummary({
  form,
  idPrefix,
  heading,
  targets,
}: {
  form: { fieldErrors: FieldErrors };
  idPrefix: string;
  heading?: string;
  targets?: Readonly<Record<string, string>>;
}) {
  const { i18n } = useTranslation();
  const entries = Object.entries(form.fieldErrors);
  if (!entries.length) return null;
  return (
    <ErrorSummary size="small" heading={heading ?? mutationTexts[languageOf(i18n?.language)].summaryHeading}>
      {entries.map(([field, text]) => {
        const id = fieldId(idPrefix, targets?.[field] ?? field);
        return (
          <ErrorSummary.Item
            key={field}
            href={`#${id}`}
            onClick={(e) => {
              if (focusField(id)) e.preventDefault();
            }}
          >
            {text}
          </ErrorSummary.Item>
        );
      })}
    </ErrorSummary>
  );
}
