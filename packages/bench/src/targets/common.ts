/**
 * What the hand-written rungs (raw pg, PostGraphile) share with the API's front door: the token
 * verified with `jose` against the issuer's JWKS, and the user resolved with `app.resolve_actor`
 * — so every rung pays for authentication, and only the layers above differ.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type pg from 'pg';

export interface Actor {
  userId: string;
  organizationIds: string[];
  teamIds: string[];
}

export function actorResolver(pool: pg.Pool, issuerUrl: string) {
  const jwks = createRemoteJWKSet(new URL(`${issuerUrl}/jwks`));
  return async (authorization: string | undefined): Promise<Actor | null> => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: issuerUrl, audience: 'ips-api' });
      const { rows } = await pool.query<{
        user_id: string;
        memberships: { organizationId: string }[];
        teams: { teamId: string }[];
      }>('SELECT user_id, memberships, teams FROM app.resolve_actor($1, $2)', [issuerUrl, payload.sub]);
      const row = rows[0];
      if (!row) return null;
      return {
        userId: row.user_id,
        organizationIds: [...new Set(row.memberships.map((m) => m.organizationId))],
        teamIds: row.teams.map((t) => t.teamId),
      };
    } catch {
      return null;
    }
  };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
