// A hotel stay as its form holds it. The Travel tab's hotels and the hosting kit's rooms edit
// the same record with the same fields, the days typed day first as every date field is.
import type { Stay, StayInput } from '../api';
import { fromField, toField } from './dates';
import type { Key } from './i18n/index.svelte';

/** The names of a stay's fields, for the messages under them. */
export const STAY_LABELS: Record<string, Key> = {
  hotel: 'field.hotel',
  city: 'field.city',
  room: 'field.room',
  check_in_on: 'field.check_in_on',
  check_out_on: 'field.check_out_on',
  confirmation: 'field.confirmation',
};

/** What a new stay starts from: where to sleep and which nights (stored dates). */
export type StayDefaults = Pick<Stay, 'hotel' | 'city' | 'address' | 'check_in_on' | 'check_out_on'>;

/** The form for `stay`, or for a new stay from `defaults`; the room and guests start empty. */
export function stayForm(stay: Stay | null | undefined, defaults: StayDefaults): StayInput {
  return {
    hotel: stay?.hotel ?? defaults.hotel,
    city: stay?.city ?? defaults.city,
    address: stay?.address ?? defaults.address,
    room: stay?.room ?? '',
    check_in_on: toField(stay?.check_in_on ?? defaults.check_in_on),
    check_out_on: toField(stay?.check_out_on ?? defaults.check_out_on),
    confirmation: stay?.confirmation ?? '',
    guest_ids: stay ? [...stay.guest_ids] : [],
    notes: stay?.notes ?? '',
  };
}

/** What the store is sent for a filled-in form: the typed days read back as dates. */
export function stayInput(form: StayInput): StayInput {
  return { ...form, check_in_on: fromField(form.check_in_on), check_out_on: fromField(form.check_out_on) };
}
