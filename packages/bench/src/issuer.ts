/**
 * A real OIDC-style issuer for the benchmark (as in the API's tests): an HTTP server publishing a
 * JWKS, whose RS256 tokens the API verifies exactly as in production.
 */
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export interface Issuer {
  url: string;
  sign(subject: string): Promise<string>;
  close(): Promise<void>;
}

/** On BENCH_ISSUER_PORT when set (a kept database trusts the issuer by its address), else any free port. */
export async function startIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'bench-key', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url === '/jwks') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.BENCH_ISSUER_PORT ?? 0), '127.0.0.1', () => resolve()),
  );
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    sign: (subject) =>
      new SignJWT({ scope: 'openid' })
        .setProtectedHeader({ alg: 'RS256', kid: 'bench-key' })
        .setSubject(subject)
        .setIssuer(url)
        .setAudience('ips-api')
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
