/**
 * Finding a job seeker by identity number, as the access log and deleting a case both do: the
 * number is checked as the API checks it before it is sent (synthetic test numbers are the API's
 * call), the API's refusal is shown at the field, and the lookup's loading, failure and "no such
 * person" are said under the form.
 */
import { parseIdentityNumber } from '@ips/domain';
import { Alert, Button, HStack, Loader, TextField } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The number typed, the number asked for, and the field's own error. */
export function useIdentityNumber() {
  const { t } = useTranslation('organisation');
  const [input, setInput] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | undefined>();
  /** Checks the number as the API does: the number to ask for, or null (the field says why). */
  const check = (): string | null => {
    const parsed = parseIdentityNumber(input, { allowSynthetic: true });
    if (!parsed.ok) {
      setLocalError(t(`al_issue_${parsed.error.toUpperCase().replaceAll('-', '_')}`));
      return null;
    }
    setLocalError(undefined);
    return parsed.value.number;
  };
  return { input, setInput, asked, setAsked, localError, check };
}

/** The API's refusal of the number (a ValidationError), in the page's words. */
export function identityNumberIssue(
  t: TFunction<'organisation'>,
  result: { __typename: string; message?: string; issues?: readonly { code: string }[] } | null | undefined,
): string | undefined {
  return result?.__typename === 'ValidationError'
    ? t(`al_issue_${result.issues?.[0]?.code ?? 'FORMAT'}`, { defaultValue: result.message })
    : undefined;
}

/** The identity-number field and its button. */
export function IdentityNumberForm({
  label,
  submitLabel,
  submitVariant,
  value,
  error,
  loading,
  onChange,
  onSubmit,
}: {
  label: string;
  submitLabel: string;
  submitVariant?: 'primary' | 'secondary';
  value: string;
  error: string | undefined;
  loading: boolean;
  onChange: (value: string) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <form onSubmit={onSubmit}>
      <HStack gap="space-8" align="end" wrap>
        <TextField
          label={label}
          inputMode="numeric"
          autoComplete="off"
          value={value}
          error={error}
          onChange={(e) => onChange(e.target.value)}
        />
        <Button type="submit" variant={submitVariant} loading={loading}>
          {submitLabel}
        </Button>
      </HStack>
    </form>
  );
}

/** Under the form: loading the first answer, the request's failure, and "no such person". */
export function LookupStatus({
  loading,
  loaderTitle,
  error,
  notFound,
}: {
  loading: boolean;
  loaderTitle: string;
  error: { message: string } | undefined;
  /** The text when no such person is found, shown while set. */
  notFound: string | null;
}) {
  return (
    <>
      {loading ? <Loader title={loaderTitle} /> : null}
      {error ? (
        <Alert variant="error" role="alert">
          {error.message}
        </Alert>
      ) : null}
      {notFound ? (
        <Alert variant="info" role="status">
          {notFound}
        </Alert>
      ) : null}
    </>
  );
}
