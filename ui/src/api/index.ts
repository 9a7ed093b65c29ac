// The only module that talks to the shell. Every command goes through `call`, typed by the
// generated `Commands` interface, and every failure comes back as a `CommandError` carrying
// the shell's `{ kind, message, violations }`.
import { invoke } from '@tauri-apps/api/core';
import type { Commands, DelegationFilter, DelegationInput, DeskError, ErrorKind } from './bindings';

export type * from './bindings';
export { COUNTRY_CODES } from './bindings';

const KINDS: readonly ErrorKind[] = [
  'validation',
  'not_found',
  'conflict',
  'newer_schema',
  'storage',
  'io',
  'internal',
];

/** A failed command, with the error exactly as the shell described it. */
export class CommandError extends Error {
  readonly detail: DeskError;

  constructor(detail: DeskError) {
    super(detail.message);
    this.name = 'CommandError';
    this.detail = detail;
  }
}

function isDeskError(value: unknown): value is DeskError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === 'string' &&
    (KINDS as readonly string[]).includes(v.kind) &&
    typeof v.message === 'string' &&
    Array.isArray(v.violations)
  );
}

/** Whatever a rejected `invoke` produced, as a `DeskError` (Tauri itself rejects with strings). */
export function toDeskError(raw: unknown): DeskError {
  if (isDeskError(raw)) return raw;
  const message = typeof raw === 'string' ? raw : raw instanceof Error ? raw.message : String(raw);
  return { kind: 'internal', message, violations: [] };
}

async function call<K extends keyof Commands>(
  name: K,
  args: Commands[K]['args'],
): Promise<Commands[K]['returns']> {
  try {
    return await invoke<Commands[K]['returns']>(name, args);
  } catch (raw) {
    throw new CommandError(toDeskError(raw));
  }
}

export const api = {
  listDelegations: (filter: DelegationFilter = {} as DelegationFilter) => call('list_delegations', { filter }),
  createDelegation: (input: DelegationInput) => call('create_delegation', { input }),
};

/** A delegation input with every optional field empty. */
export function emptyDelegationInput(): DelegationInput {
  return {
    direction: 'outgoing',
    title: '',
    country: '',
    starts_on: '',
    ends_on: '',
    purpose: '',
    event: '',
    organisation_id: null,
    cities: '',
    funding: '',
    sponsor_id: null,
    decision_number: '',
    decision_date: '',
    decision_signer: '',
    notes: '',
  };
}
