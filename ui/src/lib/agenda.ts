// The Today screen's sentences: each agenda item said in the user's language from its kind
// and parameters (the English `message` from the shell is for the terminal), and where
// clicking it leads.
import type { AgendaItem } from '../api';
import { countryName, formatDate } from './format';
import { t, translate, type Lang } from './i18n/index.svelte';
import type { Route } from './router.svelte';

export function sentence(item: AgendaItem, lang: Lang): string {
  const p = {
    title: item.delegation_title,
    person: item.person_name,
    subject: item.subject,
    country: item.country ? countryName(item.country, lang) : '',
    date: item.related_on ? formatDate(item.related_on, lang) : '',
    threshold: item.threshold ?? 0,
  };
  switch (item.kind) {
    case 'delegation_starts':
      return translate(lang, item.direction === 'incoming' ? 'agenda.arrives' : 'agenda.departs', p);
    case 'delegation_ends':
      return translate(lang, item.direction === 'incoming' ? 'agenda.leaves' : 'agenda.returns', p);
    default:
      return translate(lang, `agenda.${item.kind}`, p);
  }
}

/** "overdue by 3 days" / "today" / "in 5 days". */
export function when(item: AgendaItem): string {
  if (item.days_left === null) return '';
  if (item.days_left < 0) return t('agenda.overdue_by', { count: -item.days_left });
  if (item.days_left === 0) return t('agenda.today');
  return t('agenda.in_days', { count: item.days_left });
}

/** The record an item is about, opened where the user can act on it. */
export function target(item: AgendaItem): Route | null {
  const d = item.delegation_id;
  switch (item.kind) {
    case 'passport_missing':
    case 'passport_expiring':
    case 'overlapping_trip':
      return item.person_id ? { page: 'person', id: item.person_id } : null;
    case 'visa_not_granted':
    case 'segment_departs':
    case 'segment_arrives':
      return d ? { page: 'delegation', id: d, tab: 'travel' } : null;
    case 'days_outside_trip':
      return d ? { page: 'delegation', id: d, tab: 'members' } : null;
    case 'report_due':
      return d ? { page: 'delegation', id: d, tab: 'report' } : null;
    case 'settlement_due':
      return d ? { page: 'delegation', id: d, tab: 'money' } : null;
    case 'task_due':
      return d ? { page: 'delegation', id: d, tab: 'tasks' } : null;
    default:
      return d ? { page: 'delegation', id: d, tab: 'overview' } : null;
  }
}
