// Sync in words: what one sync did, and a conflict's record, field and two values as people
// read them (never the stored names or JSON). Pure, so the unit tests check it without a
// window.
import type { DeskError, SyncReport } from '../api';
import { fieldName, valueText } from './audit';
import { dictionaries, translate, type Key, type Lang } from './i18n/index.svelte';

/** The kind of a conflict's record ("Delegation"); a kind the window does not know, as is. */
export function recordKindName(kind: string, lang: Lang): string {
  const key = `record.${kind}`;
  return key in dictionaries[lang] ? translate(lang, key as Key) : kind;
}

/** Columns whose label differs by record: a person's `title` is their position. */
const LABEL_OF: Record<string, Record<string, string>> = { person: { title: 'person_title' } };

/** The field that met in `kind`'s record, or "The whole record" for `*`. */
export function conflictField(kind: string, field: string, lang: Lang): string {
  if (field === '*') return translate(lang, 'conflicts.whole');
  return fieldName(LABEL_OF[kind]?.[field] ?? field, lang);
}

/**
 * One side's value: a whole record as "The whole record", a deleted one (null for `*`) as
 * "deleted", an empty field as "(empty)", anything else as the change history shows it.
 */
export function conflictValue(field: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) {
    return translate(lang, field === '*' ? 'conflicts.deleted' : 'conflicts.blank');
  }
  if (typeof value === 'object' && !Array.isArray(value)) return translate(lang, 'conflicts.whole');
  return valueText(field, value, lang) || translate(lang, 'conflicts.blank');
}

/** The sentences that say what a sync did: joined, sent and received, what waits. */
export function syncOutcome(report: SyncReport, lang: Lang): string[] {
  const said = [
    translate(lang, 'sync.outcome', {
      sent: report.sent,
      received: report.received,
      conflicts: report.open_conflicts,
    }),
  ];
  if (report.joined) said.unshift(translate(lang, 'sync.joined'));
  for (const device of report.held_back) said.push(translate(lang, 'sync.held_back', { device }));
  return said;
}

/**
 * A sync's refusal in the window's language, when it is sync's own: a passphrase that does
 * not open the folder (`locked`), a file that is damaged or was altered (`damaged`, its
 * message naming the file), a folder that cannot be read or written (`io`). Null for any
 * other failure, which the app's usual words say.
 */
export function syncRefusal(error: DeskError, lang: Lang): string | null {
  if (error.kind === 'locked') return translate(lang, 'sync.error.locked');
  if (error.kind === 'damaged') return translate(lang, 'sync.error.damaged', { message: error.message });
  if (error.kind === 'io') return translate(lang, 'sync.error.io', { message: error.message });
  return null;
}
