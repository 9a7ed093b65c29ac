import { describe, expect, it } from 'vitest';
import type { Segment, Visa } from '../api';
import { segmentInput, visaInput } from './travel';
import { stayForm, stayInput } from './stays';

const form = {
  mode: 'flight',
  carrier: 'Vietnam Airlines',
  number: 'VN 661',
  from_place: 'HAN',
  from_tz: 'Asia/Ho_Chi_Minh',
  dep_date: '02/03/2026',
  dep_time: '10:30',
  to_place: 'SIN',
  to_tz: 'Asia/Singapore',
  arr_date: '02/03/2026',
  arr_time: '15:05',
  terminal: '',
};

describe('saving the Travel tab’s forms', () => {
  it('sends a journey’s local times and keeps who travels on it and its notes', () => {
    const kept = {
      id: 'g1',
      delegation_id: 'd1',
      ...form,
      departs_local: '2026-03-01T09:00',
      arrives_local: '2026-03-01T13:00',
      passenger_ids: ['p1', 'p2'],
      notes: 'booked by the partner',
      created_at: '',
      updated_at: '',
    } as unknown as Segment;
    const input = segmentInput(form, kept);
    expect(input.departs_local).toBe('2026-03-02T10:30');
    expect(input.arrives_local).toBe('2026-03-02T15:05');
    expect(input.passenger_ids).toEqual(['p1', 'p2']);
    expect(input.notes).toBe('booked by the partner');
    expect(input).not.toHaveProperty('dep_date');
  });

  it('starts a new journey with nobody on it and no notes', () => {
    expect(segmentInput(form)).toMatchObject({ passenger_ids: [], notes: '' });
  });

  it('keeps a visa’s notes and sends its days as dates', () => {
    const visa = {
      person_id: 'p1',
      country: 'SG',
      status: 'granted',
      number: 'V1',
      valid_from: '01/03/2026',
      valid_until: '31/03/2026',
    };
    const kept = { notes: 'multiple entry' } as Visa;
    expect(visaInput(visa, 'd1', kept)).toMatchObject({
      delegation_id: 'd1',
      valid_from: '2026-03-01',
      valid_until: '2026-03-31',
      notes: 'multiple entry',
    });
  });

  it('keeps a hotel stay’s notes and guests written in the hosting kit', () => {
    const stay = {
      id: 's1',
      delegation_id: 'd1',
      hotel: 'Melia',
      city: 'Hà Nội',
      address: '',
      room: '1203',
      check_in_on: '2026-03-02',
      check_out_on: '2026-03-06',
      confirmation: '',
      guest_ids: ['p1'],
      notes: 'late arrival',
      created_at: '',
      updated_at: '',
    };
    const input = stayInput(stayForm(stay, stay));
    expect(input).toMatchObject({ notes: 'late arrival', guest_ids: ['p1'], check_in_on: '2026-03-02' });
  });
});
