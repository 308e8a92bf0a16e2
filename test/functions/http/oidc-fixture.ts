// A local stand-in for Google's token signing: an RSA key, its certificate endpoint on 127.0.0.1, and token minting.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { OAuth2Client } from 'google-auth-library';

export interface OidcFixture {
  readonly client: OAuth2Client;
  mint(claims: Record<string, unknown>, options?: { foreignKey?: boolean }): string;
  close(): Promise<void>;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export async function startOidcFixture(): Promise<OidcFixture> {
  const kid = 'local-test-key';
  const own = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certs = { [kid]: own.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
    res.end(JSON.stringify(certs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const client = new OAuth2Client({
    endpoints: { oauth2FederatedSignonPemCertsUrl: `http://127.0.0.1:${port}/certs` },
  });
  return {
    client,
    mint(claims, options = {}) {
      const nowSec = Math.floor(Date.now() / 1000);
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
      const payload = b64url(
        JSON.stringify({
          iss: 'https://accounts.google.com',
          sub: '1234567890',
          iat: nowSec,
          exp: nowSec + 3600,
          ...claims,
        }),
      );
      const signer = createSign('RSA-SHA256');
      signer.update(`${header}.${payload}`);
      const signature = signer.sign(options.foreignKey ? foreign.privateKey : own.privateKey);
      return `${header}.${payload}.${b64url(signature)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
