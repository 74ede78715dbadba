/**
 * What every input value of a scalar type must be, whatever field or argument carries it (issue
 * 14). A Pothos plugin that gives each argument and input field a schema by its type, run by the
 * validation plugin before the field's own `validate` — so a new field is covered without anyone
 * remembering to:
 *
 * - `String`, `ID`: text PostgreSQL can store — no NUL character (22021) and no unpaired UTF-16
 *   surrogate (which would be silently replaced on the way to the database). Code `INVALID_TEXT`.
 * - `ID` (except relay global ids, which `node`/`nodes` resolve themselves): a UUID, as every key
 *   in the database is. Code `INVALID_ID`.
 * - `DateTime`, `Date`: inside `EARLIEST_DAY`..`LATEST_DAY` (1900..2100, `@ips/domain`). Code
 *   `OUT_OF_RANGE`. Calendar days carried as `String` use `calendarDay` below for the same range.
 *
 * A failure becomes the schema's `ValidationError` naming the field (builder.ts), so a mutation
 * answers it as a typed result and writes nothing.
 */
import { dayInRange, EARLIEST_DAY, instantInRange, LATEST_DAY } from '@ips/domain';
import SchemaBuilder, {
  BasePlugin,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  unwrapInputFieldType,
} from '@pothos/core';
import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import { z } from 'zod';

const TEXT_MESSAGE = 'Text may not contain NUL characters or unpaired surrogates';
const RANGE_MESSAGE = `Must lie between ${EARLIEST_DAY} and ${LATEST_DAY}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text PostgreSQL stores as given: well-formed UTF-16 without NUL. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const storableText = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

const text = z.string().refine(storableText, { message: TEXT_MESSAGE, params: { code: 'INVALID_TEXT' } });
const id = text.refine((s) => UUID.test(s), {
  message: 'Invalid id: not a UUID',
  params: { code: 'INVALID_ID' },
});
const instant = z.date().refine(instantInRange, { message: RANGE_MESSAGE, params: { code: 'OUT_OF_RANGE' } });
const dayScalar = z.string().refine(dayInRange, { message: RANGE_MESSAGE, params: { code: 'OUT_OF_RANGE' } });

/**
 * A calendar day carried as a `String` (YYYY-MM-DD, a real date, 1900..2100): every such input
 * field uses this instead of `z.iso.date()`.
 */
export const calendarDay = z.iso
  .date()
  .refine(dayInRange, { message: RANGE_MESSAGE, params: { code: 'OUT_OF_RANGE' } });

/**
 * A page cursor (`after`, `before`) of a connection. Every connection here is a
 * `prismaConnection({ cursor: 'id' })`: Pothos's `GPC:S:<id>` in base64 with a UUID inside —
 * anything else would reach the database as an id. A connection with another cursor would need
 * its own rule here (its cursors would be refused, visibly, not passed on).
 */
/** The row id a list's cursor names (`GPC:S:<uuid>`, base64), or null when it is not one. */
export function cursorId(s: string): string | null {
  const decoded = Buffer.from(s, 'base64').toString('utf8');
  return decoded.startsWith('GPC:S:') && UUID.test(decoded.slice(6)) ? decoded.slice(6) : null;
}

const idCursor = text.refine((s) => cursorId(s) !== null, {
  message: 'Not a cursor of this list',
  params: { code: 'INVALID_CURSOR' },
});

function schemaFor(typeName: string, globalId: boolean): z.ZodType | null {
  switch (typeName) {
    case 'String':
      return text;
    case 'ID':
      return globalId ? null : id;
    case 'DateTime':
      return instant;
    case 'Date':
      return dayScalar;
    default:
      return null;
  }
}

const VALIDATION = '@pothos/plugin-validation';
const GUARDED = 'ipsInputGuarded';

export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    const extensions = fieldConfig.extensions ?? {};
    if (extensions[GUARDED]) return fieldConfig;
    const typeName = this.buildCache.getTypeConfig(unwrapInputFieldType(fieldConfig.type)).name;
    const item = schemaFor(typeName, Boolean(extensions.isRelayGlobalID));
    if (!item) return fieldConfig;
    return this.withSchema(
      fieldConfig,
      fieldConfig.type.kind === 'List' ? z.array(item.nullable()).nullish() : item.nullish(),
    );
  }

  private withSchema(fieldConfig: PothosInputFieldConfig<Types>, schema: StandardSchemaV1) {
    const extensions = fieldConfig.extensions ?? {};
    const validation = (extensions[VALIDATION] ?? {}) as { schemas?: StandardSchemaV1[] };
    return {
      ...fieldConfig,
      extensions: {
        ...extensions,
        [GUARDED]: true,
        // The validation plugin runs these last-first: appended here, the guard runs before the
        // field's own `validate`.
        [VALIDATION]: { ...validation, schemas: [...(validation.schemas ?? []), schema] },
      },
    };
  }

  // A field's arguments reach the validation plugin's onOutputFieldConfig before their own
  // onInputFieldConfig: guard them here (listed after the validation plugin, this hook runs before
  // its), input object fields above.
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const entries = Object.entries(fieldConfig.args);
    if (entries.length === 0) return fieldConfig;
    const connection = ['first', 'last', 'after', 'before'].every((name) => name in fieldConfig.args);
    const guard = (name: string, arg: PothosInputFieldConfig<Types>) =>
      connection && (name === 'after' || name === 'before') ? this.withSchema(arg, idCursor.nullish()) : arg;
    return {
      ...fieldConfig,
      args: Object.fromEntries(
        entries.map(([name, arg]) => [name, this.onInputFieldConfig(guard(name, arg))]),
      ),
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputGuard: InputGuardPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('inputGuard', InputGuardPlugin);

export default 'inputGuard' as const;
