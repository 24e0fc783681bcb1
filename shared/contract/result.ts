import type { ContractError } from '../errors/appError';

/** The envelope every contract call returns, across IPC and HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** Builds a success envelope. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure envelope. */
export function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}
