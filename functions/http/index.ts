// The HTTP edge of the functions: bounded bodies, handler factory, request authentication and signing.
export { BODY_DEADLINE_MS, BODY_LIMITS, bodyLimitFor, boundBodies, type BodyBounds } from './bounded-body.ts';
export { frameworkTarget, guardNextServer } from './framework-server.ts';
export {
  createHandlers,
  type HandlerDeps,
  type Handlers,
  type AnyJobName,
  type FunctionName,
  type JobSummary,
  type RunJob,
  type RunJobOptions,
} from './handlers.ts';
export { createOidcVerifier, type OidcOptions, type OidcVerdict, type OidcVerifier } from './oidc.ts';
export { createReplayGuard, type ReplayGuard } from './replay.ts';
export {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signPayload,
  verifySignature,
  type SignatureVerdict,
} from './signature.ts';
