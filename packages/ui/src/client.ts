/**
 * The admin's GraphQL client: urql with a normalised cache (graphcache), the bearer token and the
 * organisation acted in on every request. Created once by the shell; micro-frontends use it
 * through urql's React context (a shared singleton).
 */
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';

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
  /** The fetch to use (the browser's by default). */
  fetch?: typeof fetch;
}

export function createApiClient(options: ClientOptions): Client {
  return new Client({
    url: options.url,
    // POST always: the API's CSRF protection refuses simple GET requests, and bodies stay out of logs.
    preferGetMethod: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [
      cacheExchange({
        keys: Object.fromEntries(EMBEDDED.map((type) => [type, noKey])),
      }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const headers: Record<string, string> = {};
      const token = options.token();
      const organizationId = options.organizationId();
      if (token) headers.authorization = `Bearer ${token}`;
      if (organizationId) headers['x-organization-id'] = organizationId;
      return { headers };
    },
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
