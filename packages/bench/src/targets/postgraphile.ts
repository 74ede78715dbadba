/**
 * The peer: PostGraphile v5 (Amber preset) over the same database, connected as the runtime role
 * (`ips_app`), so the same row-level-security policies decide what it sees. Each request verifies
 * the token and resolves the actor as the API does, then hands PostGraphile the same settings the
 * API sets per transaction (`app.user_id`, `app.org_ids`) as pgSettings: PostGraphile sets them
 * with `set_config(…, true)` in the request's transaction.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { actorResolver } from './common.js';

export async function startPostGraphile(
  appUrl: string,
  issuerUrl: string,
): Promise<{ url: string; close(): Promise<void>; printSchema(): Promise<string> }> {
  const pool = new pg.Pool({ connectionString: appUrl, max: 10 });
  const resolve = actorResolver(pool, issuerUrl);
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphiql: false, watch: false },
    grafast: {
      async context(requestContext) {
        const actor = await resolve(requestContext.node?.req.headers.authorization);
        // No actor: settings that match nothing, so row-level security hides every row.
        return {
          pgSettings: {
            'app.user_id': actor?.userId ?? '',
            'app.org_ids': actor?.organizationIds.join(',') ?? '',
          },
        };
      },
    },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await serv.ready();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    printSchema: async () => {
      const { printSchema } = await import('postgraphile/graphql');
      return printSchema((await pgl.getSchemaResult()).schema);
    },
    close: async () => {
      // Let the requests the load generator left in flight finish before the pool goes.
      await new Promise((r) => setTimeout(r, 500));
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await pgl.release();
      await pool.end();
    },
  };
}
