// Verifies the OIDC identity token Cloud Scheduler sends (`Authorization: Bearer <id token>`).
import { OAuth2Client } from 'google-auth-library';

export type OidcVerdict = 'ok' | 'missing' | 'invalid' | 'wrong-account';

export type OidcVerifier = (authorization: string | undefined) => Promise<OidcVerdict>;

export interface OidcOptions {
  /** The audience Cloud Scheduler puts in the token (`--oidc-token-audience`): the function's URL. */
  readonly audience: string;
  /** The service account the scheduler jobs run as; tokens of any other account are refused. */
  readonly serviceAccount: string;
  /** Injected by tests with a local certificate endpoint; Google's certificates otherwise. */
  readonly client?: OAuth2Client;
}

export function createOidcVerifier(options: OidcOptions): OidcVerifier {
  const client = options.client ?? new OAuth2Client();
  const expected = options.serviceAccount.toLowerCase();
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return 'missing';
    let payload;
    try {
      // Checks signature against Google's rotating certificates, expiry, issuer and audience.
      const ticket = await client.verifyIdToken({ idToken: match[1], audience: options.audience });
      payload = ticket.getPayload();
    } catch {
      return 'invalid';
    }
    // Any Google account can mint a token for our audience; only the scheduler's account may run jobs.
    if (!payload || payload.email_verified !== true || payload.email?.toLowerCase() !== expected)
      return 'wrong-account';
    return 'ok';
  };
}
