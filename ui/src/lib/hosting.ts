// Pure helpers of the hosting screens: finding a guest by name as a welcome-desk volunteer
// types it, the column choices of a guest-list preview, counts, and due dates.
import type { GuestField, GuestInput, GuestRow, ImportProblem } from '../api';

/** Every guest-list field, in the order the preview offers them. */
export const GUEST_FIELDS: readonly GuestField[] = [
  'full_name',
  'family_name',
  'given_name',
  'passport_name',
  'passport_no',
  'passport_expires_on',
  'born_on',
  'nationality',
  'gender',
  'organisation',
  'title',
  'unit',
  'email',
  'phone',
  'dietary',
  'access_needs',
  'arrival_flight',
  'arrival_date',
  'arrival_time',
  'arrival_from',
  'departure_flight',
  'departure_date',
  'departure_time',
  'departure_to',
  'notes',
];

/**
 * Text as compared when searching: lower case, without diacritics, `đ` as `d`, so that
 * "nguyen thi hoa" finds "Nguyễn Thị Hoa". Names in other scripts compare as written.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Whether every word of `query` is in one of `texts` (folded). An empty query matches. */
export function matches(query: string, ...texts: string[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.map(fold).join(' ');
  return words.every((w) => haystack.includes(w));
}

/**
 * The mapping sent with a re-preview: the columns the user changed, by letter; a column set
 * to "not imported" is left out. Null when nothing was changed (the file's own headers and
 * the organisation's remembered mapping apply).
 */
export function mappingOf<F extends string>(
  overrides: Record<string, F | null>,
): { columns: Record<string, F>; header_row: null; ignore: string[] } | null {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return null;
  const columns: Record<string, F> = {};
  const ignore: string[] = [];
  for (const [letter, field] of entries) {
    if (field === null) ignore.push(letter);
    else columns[letter] = field;
  }
  return { columns, header_row: null, ignore };
}

/** The value a row holds for a field, as read. */
export function valueOf(guest: GuestInput, field: GuestField): string {
  const p = guest.person;
  switch (field) {
    case 'organisation':
      return guest.organisation;
    case 'title':
      return p.title;
    case 'arrival_flight':
      return guest.arrival?.number ?? '';
    case 'arrival_date':
      return guest.arrival?.date ?? '';
    case 'arrival_time':
      return guest.arrival?.time?.slice(0, 5) ?? '';
    case 'arrival_from':
      return guest.arrival?.place ?? '';
    case 'departure_flight':
      return guest.departure?.number ?? '';
    case 'departure_date':
      return guest.departure?.date ?? '';
    case 'departure_time':
      return guest.departure?.time?.slice(0, 5) ?? '';
    case 'departure_to':
      return guest.departure?.place ?? '';
    default:
      return p[field];
  }
}

/** The columns of a row that have a problem (by letter); `''` when one is the whole row's. */
export function problemColumns(row: GuestRow): Set<string> {
  return new Set(row.problems.map((p) => p.column));
}

export interface SheetCounts {
  rows: number;
  /** Rows with at least one problem. */
  bad: number;
  good: number;
  problems: number;
}

/** Rows, rows with problems and problems of a guest list or a history sheet. */
export function counts(sheet: { rows: readonly { problems: readonly unknown[] }[] }): SheetCounts {
  const bad = sheet.rows.filter((r) => r.problems.length > 0).length;
  return {
    rows: sheet.rows.length,
    bad,
    good: sheet.rows.length - bad,
    problems: sheet.rows.reduce((n, r) => n + r.problems.length, 0),
  };
}

/** How many of the guests have been ticked at the welcome desk. */
export function arrived(guests: readonly { checked_in_at: string | null }[]): { arrived: number; total: number } {
  return { arrived: guests.filter((g) => g.checked_in_at !== null).length, total: guests.length };
}

/** Whether a passport expires before the delegation's last day (ISO dates; none: no). */
export function expiresTooSoon(expiresOn: string | null, endsOn: string): boolean {
  return expiresOn !== null && expiresOn !== '' && expiresOn < endsOn;
}

/** The ISO date `days` days before `firstDay` (negative: after it), as the checklist counts. */
export function dueDate(firstDay: string, days: number): string {
  const [y, m, d] = firstDay.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** What file systems refuse in a name: the control characters (below U+0020) and \ / : * ? " < > |. */
const refusedInFileName = (c: string) => c < ' ' || '\\/:*?"<>|'.includes(c);

/** A title as a file name: without the characters file systems refuse, at most 80 long. */
export function fileStem(title: string): string {
  const clean = Array.from(title, (c) => (refusedInFileName(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(clean).slice(0, 80).join('').trim() || 'delegation';
}

/** Sorts guests by name as a desk volunteer looks them up (without diacritics). */
export function byName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => fold(name(a)).localeCompare(fold(name(b))));
}

/**
 * The text the sheet held in a cell that could not be read (the reader quotes it in its
 * message: `"31/02/1980" is not a date`), to show in place of the missing value.
 */
export function rawText(problem: ImportProblem | undefined): string {
  if (!problem || (problem.kind !== 'bad_date' && problem.kind !== 'bad_value')) return '';
  const quoted = /"([^"]*)"/.exec(problem.message);
  return quoted?.[1] ?? '';
}

/**
 * Whether the name in the passport says something the name does not: it is not simply the
 * name without diacritics in capitals ("TRAN MY DUNG"), as for a name in Lao or Thai script.
 */
export function passportNameDiffers(fullName: string, passportName: string): boolean {
  if (passportName.trim() === '') return false;
  return (
    fold(fullName).toUpperCase().replace(/\s+/g, ' ').trim() !== passportName.toUpperCase().replace(/\s+/g, ' ').trim()
  );
}
