// Date and time fields as staff type them (day first), to and from what the domain stores.
import { parseDateInput, dateInputValue } from './format';

/** A stored ISO date (or null) as the text of a date field. */
export function toField(iso: string | null | undefined): string {
  return iso ? dateInputValue(iso, 'vi') : '';
}

/** A date field's text as what the domain reads; empty stays empty. */
export function fromField(text: string): string {
  return text.trim() === '' ? '' : parseDateInput(text);
}

/** "2016-09-05T23:50:00" → ["05/09/2016", "23:50"]. */
export function splitLocal(local: string | null | undefined): [string, string] {
  if (!local) return ['', ''];
  const [date = '', time = ''] = local.split('T');
  return [toField(date), time.slice(0, 5)];
}

/** ["05/09/2016", "23:50"] → "2016-09-05T23:50" (the domain names a bad part). */
export function joinLocal(date: string, time: string): string {
  const d = fromField(date);
  const t = time.trim();
  if (d === '' && t === '') return '';
  return `${d}T${t}`;
}
