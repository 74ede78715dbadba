/**
 * The pieces the organisation's settings forms share: a section of its own with a form (heading,
 * saved, the error that belongs to no field, the fields, and save for whoever may change them),
 * and a whole-number setting with its meaning and bounds, the API's refusal shown at it.
 */
import { FormError } from '@ips/ui';
import { Alert, Button, Heading, TextField, VStack } from '@navikt/ds-react';
import type { FormEvent, ReactNode } from 'react';

/** A settings form in a section of its own, labelled by its heading. */
export function SettingsSection({
  headingId,
  heading,
  saved,
  form,
  editable,
  submitLabel,
  submitVariant,
  onSubmit,
  children,
}: {
  headingId: string;
  heading: string;
  /** The text once saved, shown while set. */
  saved: string | null;
  form: { formError: string | null; fetching: boolean };
  /** Whether the user may change the settings (otherwise no save button). */
  editable: boolean;
  submitLabel: string;
  submitVariant?: 'primary' | 'secondary';
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId}>
      <form onSubmit={onSubmit}>
        <VStack gap="space-12">
          <Heading level="2" size="medium" id={headingId}>
            {heading}
          </Heading>
          {saved ? (
            <Alert variant="success" size="small" role="status">
              {saved}
            </Alert>
          ) : null}
          <FormError form={form} />
          {children}
          {editable ? (
            <div>
              <Button type="submit" variant={submitVariant} loading={form.fetching}>
                {submitLabel}
              </Button>
            </div>
          ) : null}
        </VStack>
      </form>
    </section>
  );
}

/** A whole-number setting: its label, what it means (with its bounds) and the API's error at it. */
export function NumberSetting({
  label,
  description,
  value,
  error,
  readOnly,
  onChange,
}: {
  label: string;
  description: string;
  value: string;
  error: string | undefined;
  readOnly?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      label={label}
      description={description}
      inputMode="numeric"
      htmlSize={6}
      value={value}
      readOnly={readOnly}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
