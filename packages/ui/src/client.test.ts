import { describe, expect, it } from 'vitest';
import { createApiClient, idOf } from './client.js';

describe('the admin’s GraphQL client', () => {
  it('sends the bearer token and the organisation acted in, by POST', async () => {
    let token: string | null = 'tok';
    const seen: { method: string; headers: Record<string, string> }[] = [];
    const client = createApiClient({
      url: 'http://api.test/graphql',
      token: () => token,
      organizationId: () => 'org-1',
      fetch: async (_url, init) => {
        seen.push({
          method: String(init?.method),
          headers: { ...(init?.headers as Record<string, string>) },
        });
        return new Response(JSON.stringify({ data: { me: { id: 'u1', __typename: 'User' } } }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await client.query('{ me { id } }', {}, { requestPolicy: 'network-only' }).toPromise();
    token = null;
    await client.query('{ me { id } }', {}, { requestPolicy: 'network-only' }).toPromise();
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(seen[0]?.headers).toMatchObject({ authorization: 'Bearer tok', 'x-organization-id': 'org-1' });
    expect(seen[1]?.headers.authorization).toBeUndefined();
    expect(seen[1]?.headers['x-organization-id']).toBe('org-1');
    // A team spans organisations: such an operation acts in all of them.
    token = 'tok';
    await client
      .query('{ me { id } }', {}, { requestPolicy: 'network-only', allOrganizations: true })
      .toPromise();
    expect(seen[2]?.headers.authorization).toBe('Bearer tok');
    expect(seen[2]?.headers['x-organization-id']).toBeUndefined();
  });

  it('sends the reason of the screen that asks, URI-encoded, or the operation’s own', async () => {
    let purpose: string | null = 'Jobbsøkerens side: oppfølging av jobbsøkeren';
    const seen: Record<string, string>[] = [];
    const client = createApiClient({
      url: 'http://api.test/graphql',
      token: () => 'tok',
      organizationId: () => 'org-1',
      accessReason: () => purpose,
      fetch: async (_url, init) => {
        seen.push({ ...(init?.headers as Record<string, string>) });
        return new Response(JSON.stringify({ data: { me: { id: 'u1', __typename: 'User' } } }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await client.query('{ me { id } }', {}, { requestPolicy: 'network-only' }).toPromise();
    purpose = null;
    await client.query('{ me { id } }', {}, { requestPolicy: 'network-only' }).toPromise();
    await client
      .query(
        '{ me { id } }',
        {},
        { requestPolicy: 'network-only', accessReason: 'Varsler', allOrganizations: true },
      )
      .toPromise();
    expect(decodeURIComponent(seen[0]?.['x-access-reason'] ?? '')).toBe(
      'Jobbsøkerens side: oppfølging av jobbsøkeren',
    );
    expect(seen[0]?.['x-access-reason']).toMatch(/^[\x21-\x7e]+$/);
    expect(seen[1]?.['x-access-reason']).toBeUndefined();
    expect(seen[2]?.['x-access-reason']).toBe('Varsler');
    expect(seen[2]?.['x-organization-id']).toBeUndefined();
    expect(seen[2]?.authorization).toBe('Bearer tok');
  });

  it('reads the database id out of a relay global id', () => {
    expect(idOf(btoa('JobSeeker:0192c7d6-dc00-7086-89d8-94208555c201'))).toBe(
      '0192c7d6-dc00-7086-89d8-94208555c201',
    );
    expect(idOf('not base64 !')).toBe('not base64 !');
  });
});
