import type { Key } from './vi';

// English. `satisfies` makes a missing or extra key a type error; a unit test checks it too.
export const en = {
  'app.name': 'Delegation Desk',
  'app.tagline': 'International cooperation',
  'nav.delegations': 'Delegations',
  'lang.switch': 'Tiếng Việt',
  'lang.switch.title': 'Switch to Vietnamese',

  'delegations.title': 'Delegations',
  'delegations.count': '{count} delegations',
  'delegations.new': 'New delegation',
  'delegations.empty': 'No delegations yet. Create the first one with “New delegation” (Ctrl+N).',
  'delegations.loading': 'Loading…',
  'delegations.col.direction': 'Direction',
  'delegations.col.title': 'Title',
  'delegations.col.country': 'Country',
  'delegations.col.dates': 'Dates',
  'delegations.col.status': 'Status',

  'direction.outgoing': 'Outgoing',
  'direction.incoming': 'Incoming',

  'status.draft': 'Draft',
  'status.approved': 'Approved',
  'status.underway': 'Underway',
  'status.returned': 'Returned',
  'status.reported': 'Reported',
  'status.closed': 'Closed',
  'status.cancelled': 'Cancelled',

  'form.new.title': 'New delegation',
  'form.direction': 'Direction',
  'form.title': 'Title',
  'form.title.placeholder': 'e.g. 2nd INELI-ASEAN session',
  'form.country': 'Country',
  'form.country.choose': '— Choose a country —',
  'form.starts_on': 'Start date',
  'form.ends_on': 'End date',
  'form.date.placeholder': 'dd/mm/yyyy',
  'form.save': 'Save',
  'form.saving': 'Saving…',
  'form.cancel': 'Cancel',
  'form.failed': 'Not saved: {message}',

  'rule.required': '{field} is required.',
  'rule.too_long': '{field} is too long.',
  'rule.invalid_date': '{field} must be a valid date, written dd/mm/yyyy.',
  'rule.end_before_start': 'The end date must not be before the start date.',
  'rule.unknown_code': '{field} is not valid.',

  'error.load': 'Could not read the data: {message}',
} as const satisfies Record<Key, string>;
