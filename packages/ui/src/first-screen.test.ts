/**
 * The first screen's query started with the session (docs/adr/0021 item 6): only on the
 * portfolio's address, only for the roles its route serves, for the signed-in user, with the
 * route's purpose for the access log — through the admin's own client.
 */
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { PORTFOLIO_PURPOSE, prefetchFirstScreen } from './first-screen.js';

function recordingClient() {
  const sent: { body: { query: string; variables: Record<string, unknown> }; reason?: string }[] = [];
  const client = createApiClient({
    url: 'http://api.test/graphql',
    token: () => 'tok',
    organizationId: () => 'org-1',
    accessReason: () => 'the screen shown',
    fetch: async (_url, init) => {
      const headers = init?.headers as Record<string, string>;
      sent.push({
        body: JSON.parse(String(init?.body)),
        reason: headers['x-access-reason'] ? decodeURIComponent(headers['x-access-reason']) : undefined,
      });
      return new Response(JSON.stringify({ data: null }), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('prefetchFirstScreen', () => {
  it("sends the portfolio's query for the signed-in specialist, with the portfolio's purpose", async () => {
    const { client, sent } = recordingClient();
    prefetchFirstScreen(client, '/portfolio', { userId: 'u-1', roles: ['JOB_SPECIALIST'] });
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.query).toMatch(/query Portfolio\(/);
    expect(sent[0]?.body.variables).toEqual({ specialistId: 'u-1' });
    expect(sent[0]?.reason).toBe(PORTFOLIO_PURPOSE);
  });

  it('sends nothing on another address or for a role the portfolio does not serve', async () => {
    const { client, sent } = recordingClient();
    prefetchFirstScreen(client, '/deadlines', { userId: 'u-1', roles: ['JOB_SPECIALIST'] });
    prefetchFirstScreen(client, '/portfolio/abc', { userId: 'u-1', roles: ['JOB_SPECIALIST'] });
    prefetchFirstScreen(client, '/portfolio', { userId: 'u-2', roles: ['NAV_COUNSELLOR'] });
    prefetchFirstScreen(client, '/portfolio', { userId: 'u-3', roles: ['HEALTH_SERVICE_LEADER'] });
    await settle();
    expect(sent).toEqual([]);
    // A method supervisor has a portfolio too.
    prefetchFirstScreen(client, '/portfolio/', { userId: 'u-4', roles: ['METHOD_SUPERVISOR'] });
    await settle();
    expect(sent.map((s) => s.body.variables)).toEqual([{ specialistId: 'u-4' }]);
  });
});
