import type { PortalKind } from '../../../shared/domain/sync';
import { missingCaseError } from '../../../shared/errors/appError';
import type { PortalAdapter, PortalCredentials } from './adapter';
import { createNukeVietAdapter } from './nukeviet/nukevietAdapter';
import type { RequestMeter } from './requestMeter';
import { createWordPressAdapter } from './wordpress/wordpressAdapter';

/** Settings every adapter takes: request timeout and an optional meter (the benchmark's). */
export interface AdapterOptions {
  timeoutMs?: number;
  meter?: RequestMeter | undefined;
  /** WordPress: show the featured photo again as the body's first photo (portal setting). */
  featuredInBody?: boolean;
}

/** Builds the adapter for a connection; the outbox and settings take one so tests can swap it. */
export type AdapterFactory = (
  kind: PortalKind,
  credentials: PortalCredentials,
  options: AdapterOptions,
) => PortalAdapter;

/** The adapters this build ships. */
export const createPortalAdapter: AdapterFactory = (kind, credentials, options) => {
  switch (kind) {
    case 'wordpress':
      return createWordPressAdapter(credentials, options);
    case 'nukeviet':
      return createNukeVietAdapter({
        credentials,
        ...(credentials.nukeviet ? { settings: credentials.nukeviet } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        meter: options.meter,
      });
    default:
      throw missingCaseError(kind);
  }
};
