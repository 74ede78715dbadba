/**
 * The one way a version-checked edit is written (architecture.md: "concurrent edits are detected").
 * The client sends the version it read; the update applies only if the record still has it, and
 * bumps it. When nothing changed the client gets a ConflictError carrying the version the record
 * has now, read after the update (under READ COMMITTED the update waited for and then saw a
 * concurrent change that an earlier read did not, so a version read before would be stale and a
 * retry with it would conflict again).
 */
import { ConflictError } from '../schema/errors.js';

/** A Prisma model delegate as the version check uses it. */
interface VersionedDelegate {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's delegate methods are generic per model.
  updateMany(args: any): Promise<{ count: number }>;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  findUnique(args: any): Promise<unknown>;
}

/** The `data` a delegate's `updateMany` accepts (the model's own update input). */
type UpdateData<D extends VersionedDelegate> = NonNullable<Parameters<D['updateMany']>[0]>['data'];

/**
 * Applies `data` to record `id` if its version is still `version`, and increments the version;
 * otherwise throws the ConflictError for `entity` with the version it has now.
 */
export async function updateVersioned<D extends VersionedDelegate>(
  delegate: D,
  entity: string,
  id: string,
  version: number,
  data: UpdateData<D>,
): Promise<void> {
  const { count } = await delegate.updateMany({
    where: { id, version },
    data: { ...(data as object), version: { increment: 1 } },
  });
  if (count === 0) throw await conflictNow(delegate, entity, id);
}

/**
 * The ConflictError for a version-checked update that changed nothing, with the version the
 * record has now (for updates that cannot go through `updateVersioned`, e.g. with extra
 * conditions in their `where`).
 */
export async function conflictNow(delegate: object, entity: string, id: string): Promise<ConflictError> {
  const now = (await (delegate as VersionedDelegate).findUnique({
    where: { id },
    select: { version: true },
  })) as { version: number } | null;
  return new ConflictError(entity, now?.version ?? null);
}
