/**
 * Whether the current request's mutation failed with a typed domain error. The errors plugin turns
 * a thrown DomainError into a union result (data, not `errors`), so the transaction would commit
 * whatever the resolver wrote before it threw; marking the outcome makes the server roll back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestOutcome {
  failed: boolean;
}

export const requestOutcome = new AsyncLocalStorage<RequestOutcome>();

/** Marks the current request as failed: a mutation's transaction is rolled back. */
export function markFailed(): void {
  const outcome = requestOutcome.getStore();
  if (outcome) outcome.failed = true;
}
