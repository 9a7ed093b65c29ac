// Violations from the domain, shown next to their fields in the user's language.
import type { DeskError, Violation } from '../api';
import { CommandError } from '../api';
import { t, type Key } from './i18n/index.svelte';

/** The message for `field`, or null: "{Label} is required." in the chosen language. */
export function messageFor(violations: Violation[], field: string, labels: Record<string, Key>): string | null {
  const v = violations.find((x) => x.field === field);
  if (!v) return null;
  const label = labels[field];
  return t(`rule.${v.rule}`, { field: label ? t(label) : field });
}

/** What to show for a failure that is not about one field. */
export function failureText(error: unknown): string {
  if (error instanceof CommandError) return describe(error.detail);
  return String(error);
}

export function describe(error: DeskError): string {
  switch (error.kind) {
    case 'not_found':
      return t('error.not_found');
    case 'conflict':
      return t('error.conflict', { message: error.message });
    case 'storage':
    case 'newer_schema':
      return t('error.storage', { message: error.message });
    case 'locked':
      return t('error.locked', { message: error.message });
    case 'damaged':
      return t('error.damaged', { message: error.message });
    default:
      return error.message;
  }
}

/** The violations of a validation failure, or null for any other failure. */
export function violationsOf(error: unknown): Violation[] | null {
  if (error instanceof CommandError && error.detail.kind === 'validation') return error.detail.violations;
  return null;
}

/**
 * A failed save, split for a form: the violations to show next to their fields, and the
 * failure to show above the buttons when it is not about fields.
 */
export function split(error: unknown): [Violation[], string | null] {
  const found = violationsOf(error);
  return found ? [found, null] : [[], failureText(error)];
}
