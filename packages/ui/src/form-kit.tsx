/**
 * The form kit: small pieces the admin's forms repeat across remotes, so that each form reads as
 * its own fields and rules. Each renders exactly what the forms wrote by hand before (Aksel
 * components, the same labels and order), so screens and tests do not change.
 */
import { Alert, Select } from '@navikt/ds-react';
import { FormError } from './mutation-ui.js';

/** A person to choose: the id sent to the API and the name shown. */
export interface PersonChoice {
  id: string;
  name: string;
}

/**
 * A labelled select of people (team members, job specialists, method supervisors), "–" while
 * none is chosen; the API's error for the field is shown at it.
 */
export function PersonSelect({
  label,
  value,
  error,
  people,
  onChange,
  size,
}: {
  label: string;
  value: string;
  error?: string | undefined;
  people: readonly PersonChoice[];
  onChange: (id: string) => void;
  size?: 'small' | 'medium';
}) {
  return (
    <Select label={label} size={size} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">–</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </Select>
  );
}

/** A form's outcome under its button: the error that belongs to no field, then the success once saved. */
export function FormOutcome({
  form,
  done,
}: {
  form: { formError: string | null };
  /** The success text, shown while set. */
  done: string | null;
}) {
  return (
    <>
      <FormError form={form} />
      {done ? (
        <Alert variant="success" size="small" role="status">
          {done}
        </Alert>
      ) : null}
    </>
  );
}
