// The local SendGrid-compatible server: start it in-process, inspect its outbox, inject faults.
export { DEFAULT_MAX_TEMPLATE_VERSIONS, MAX_BODY_BYTES, startMailServer } from './server.ts';
export type { MailServer, MailServerOptions } from './server.ts';
export type { Drop } from './drops.ts';
export type { Fault, FaultController } from './faults.ts';
export type { Address, RenderedMessage, StoredMessage } from './store.ts';
