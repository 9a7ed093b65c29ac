// Violations from the domain, shown next to their fields in the user's language.
import type { DeskError, Violation } from '../api';
import { CommandError } from '../api';
import { dictionaries, lang, t, type Key } from './i18n/index.svelte';

/** The start each end is checked against, so that "before" names both fields. */
const START_OF: Record<string, string> = {
  ends_on: 'starts_on',
  arrives_local: 'departs_local',
  check_out_on: 'check_in_on',
  valid_until: 'valid_from',
  leaves_on: 'joins_on',
  ends_at: 'starts_at',
};

/** The message for `field`, or null: "{Label} is required." in the chosen language. */
export function messageFor(violations: Violation[], field: string, labels: Record<string, Key>): string | null {
  const v = violations.find((x) => x.field === field);
  if (!v) return null;
  const name = (f: string) => (labels[f] ? t(labels[f]) : f);
  if (v.rule === 'end_before_start' && START_OF[field]) {
    // The start is named mid-sentence, so its label loses its capital ("… trước ngày bắt đầu").
    const start = name(START_OF[field]);
    return t('rule.end_before_named_start', {
      field: name(field),
      start: start.charAt(0).toLocaleLowerCase(lang()) + start.slice(1),
    });
  }
  // A local date-time field (`…_local`) is typed as a date and a time: say both.
  if (v.rule === 'invalid_time' && field.endsWith('_local')) return t('rule.invalid_date_time', { field: name(field) });
  return t(`rule.${v.rule}`, { field: name(field) });
}

/** What to show for a failure that is not about one field. */
export function failureText(error: unknown): string {
  if (error instanceof CommandError) return describe(error.detail);
  return String(error);
}

/** A field's label from the shared `field.*` names, or the field's own name. */
function fieldLabel(field: string): Key | undefined {
  const key = `field.${field}`;
  return key in dictionaries[lang()] ? (key as Key) : undefined;
}

/**
 * Every violation of a failure as sentences in the window's language, each naming its field
 * (the backend's English message is never shown for a rule the UI knows).
 */
export function violationText(violations: Violation[], labels: Record<string, Key> = {}): string {
  const named: Record<string, Key> = { ...labels };
  for (const v of violations) {
    const known = named[v.field] ?? fieldLabel(v.field);
    if (known) named[v.field] = known;
  }
  return violations.map((v) => messageFor([v], v.field, named)).join(' ');
}

/** The sentence for a coded failure, its parameters translated where they are codes. */
function coded(error: DeskError): string | null {
  const key = `error.code.${error.code}`;
  if (!error.code || !(key in dictionaries[lang()])) return null;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (value === undefined) continue;
    const status = `status.${value}`;
    params[name] =
      (name === 'from' || name === 'to' || name === 'status') && status in dictionaries[lang()]
        ? t(status as Key)
        : value;
  }
  return t(key as Key, params);
}

export function describe(error: DeskError): string {
  const said = coded(error);
  if (said) return said;
  switch (error.kind) {
    case 'validation':
      return error.violations.length > 0 ? violationText(error.violations) : error.message;
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
    case 'cancelled':
      return t('work.cancelled');
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
