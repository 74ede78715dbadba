/**
 * The admin's GraphQL client: urql with a normalised cache (graphcache), the bearer token and the
 * organisation acted in on every request. Created once by the shell; micro-frontends use it
 * through urql's React context (a shared singleton).
 */
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange, makeOperation, mapExchange } from 'urql';

/** Types without an id of their own: embedded in their parent in the normalised cache. */
const EMBEDDED = [
  'MeasureValue',
  'PeriodResults',
  'SpecialistResults',
  'TeamResults',
  'FieldIssue',
  'PageInfo',
  'JobSeekerConnection',
  'JobSeekerEdge',
];
const noKey = () => null;

export interface ClientOptions {
  url: string;
  token: () => string | null;
  organizationId: () => string | null;
  /**
   * Why the screen shown now reads (its route's `purpose`), sent as `x-access-reason` with every
   * operation so the access log says why; an operation's `context.accessReason` says it instead
   * (a part of the shell outside the routes, such as the inbox).
   */
  accessReason?: () => string | null | undefined;
  /** The fetch to use (the browser's by default). */
  fetch?: typeof fetch;
}

export function createApiClient(options: ClientOptions): Client {
  const headers = (narrowed: boolean, reason: string | null | undefined) => {
    const out: Record<string, string> = {};
    const token = options.token();
    const organizationId = options.organizationId();
    if (token) out.authorization = `Bearer ${token}`;
    if (narrowed && organizationId) out['x-organization-id'] = organizationId;
    // URI-encoded: a header carries Latin-1 at most, and the purposes are bokmål (æ, ø, å).
    if (reason) out['x-access-reason'] = encodeURIComponent(reason);
    return out;
  };
  return new Client({
    url: options.url,
    // POST always: the API's CSRF protection refuses simple GET requests, and bodies stay out of logs.
    preferGetMethod: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [
      cacheExchange({
        keys: Object.fromEntries(EMBEDDED.map((type) => [type, noKey])),
      }),
      // The headers are fixed when the operation is issued, so the reason is the screen's that
      // asked (not whichever is shown when the answer comes). An operation with
      // `context.allOrganizations` acts in every organisation of the user (a team spans
      // organisations); the rest act in the one chosen in the shell.
      mapExchange({
        onOperation: (operation) => {
          const reason =
            (operation.context.accessReason as string | undefined) ?? options.accessReason?.() ?? null;
          return makeOperation(operation.kind, operation, {
            ...operation.context,
            fetchOptions: { headers: headers(!operation.context.allOrganizations, reason) },
          });
        },
      }),
      fetchExchange,
    ],
  });
}

/** The database id inside a relay global id (`JobSeeker:<uuid>`, base64). */
export function idOf(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}
