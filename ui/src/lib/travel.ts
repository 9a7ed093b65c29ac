// The Travel tab's journey and visa forms, and what the store is sent for them. The forms do
// not show everything the record holds (who travels on a segment, notes written elsewhere):
// what they do not show is kept from the record being edited, never cleared by a save.
import type { Segment, SegmentInput, Visa, VisaInput } from '../api';
import { fromField, joinLocal } from './dates';

/** A journey as its form holds it: dates and times typed separately, day first. */
export interface SegmentForm {
  mode: string;
  carrier: string;
  number: string;
  from_place: string;
  from_tz: string;
  dep_date: string;
  dep_time: string;
  to_place: string;
  to_tz: string;
  arr_date: string;
  arr_time: string;
  terminal: string;
}

/** A visa as its form holds it, its days typed day first. */
export type VisaForm = Omit<VisaInput, 'delegation_id' | 'notes'>;

/** The input for a journey's form; `kept` is the segment being edited, if any. */
export function segmentInput(form: SegmentForm, kept?: Segment): SegmentInput {
  const { dep_date, dep_time, arr_date, arr_time, ...fields } = form;
  return {
    ...fields,
    departs_local: joinLocal(dep_date, dep_time),
    arrives_local: joinLocal(arr_date, arr_time),
    passenger_ids: kept ? [...kept.passenger_ids] : [],
    notes: kept?.notes ?? '',
  };
}

/** The input for a visa's form in a delegation; `kept` is the visa being edited, if any. */
export function visaInput(form: VisaForm, delegationId: string, kept?: Visa): VisaInput {
  return {
    ...form,
    delegation_id: delegationId,
    valid_from: fromField(form.valid_from),
    valid_until: fromField(form.valid_until),
    notes: kept?.notes ?? '',
  };
}
