/** The ceiling: bare node:http answering a fixed JSON body (what the machine does without any work). */
import { createServer } from 'node:http';
import { readBody, sendJson } from './common.js';

export async function startBare(): Promise<{ url: string; close(): Promise<void> }> {
  const answer = { data: { ok: true } };
  const server = createServer(async (req, res) => {
    await readBody(req);
    sendJson(res, 200, answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
