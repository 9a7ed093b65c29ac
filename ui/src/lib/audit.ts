// The change history as sentences in the user's language: "Status changed from “Closed” to
// “Reported”", never the stored field names and JSON values.
import type { AuditEntry } from '../api';
import { countryName, formatDate } from './format';
import { dictionaries, translate, type Key, type Lang } from './i18n/index.svelte';

/** Fields whose stored value is a code the UI names (`status` → `status.closed`). */
const CODED: Record<string, string> = {
  status: 'status',
  direction: 'direction',
  funding: 'funding',
};

function has(lang: Lang, key: string): key is Key {
  return key in dictionaries[lang];
}

function value(field: string, json: string | null, lang: Lang, names: (id: string) => string | null): string {
  if (json === null) return '';
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  return valueText(field, v, lang, names);
}

/**
 * A stored field's value (parsed) as people read it: a code named (`status` → "Closed"), a
 * country by its name, a date as the window writes dates, an id by its record's name when
 * `names` knows it; nothing for null or "". Shared with the Conflicts screen.
 */
export function valueText(
  field: string,
  v: unknown,
  lang: Lang,
  names: (id: string) => string | null = () => null,
): string {
  if (v === null || v === '') return '';
  if (typeof v !== 'string') return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  const prefix = CODED[field];
  if (prefix && has(lang, `${prefix}.${v}`)) return translate(lang, `${prefix}.${v}` as Key);
  if (field === 'country') return countryName(v, lang);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, lang);
  if (field.endsWith('_id')) return names(v) ?? v;
  return v;
}

/** A stored field's name in the user's language (the shared `field.*` labels), or as stored. */
export function fieldName(field: string, lang: Lang): string {
  return has(lang, `field.${field}`) ? translate(lang, `field.${field}` as Key) : field;
}

/** One audit entry as a sentence; `names` turns a record id into a name when it knows one. */
export function auditSentence(
  entry: AuditEntry,
  lang: Lang,
  names: (id: string) => string | null = () => null,
): string {
  if (entry.field === '*') return translate(lang, entry.old_value === null ? 'audit.created' : 'audit.deleted');
  const label = fieldName(entry.field, lang);
  const before = value(entry.field, entry.old_value, lang, names);
  const after = value(entry.field, entry.new_value, lang, names);
  if (before === '') return translate(lang, 'audit.set', { field: label, to: after });
  if (after === '') return translate(lang, 'audit.cleared', { field: label, from: before });
  return translate(lang, 'audit.changed', { field: label, from: before, to: after });
}
