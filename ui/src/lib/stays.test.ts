import { describe, expect, it } from 'vitest';
import type { Stay } from '../api';
import { stayForm, stayInput } from './stays';

const defaults = { hotel: '', city: 'Hà Nội', address: '', check_in_on: '2026-03-02', check_out_on: '2026-03-06' };

describe('stay forms', () => {
  it('start a new stay from the defaults, with no room or guests', () => {
    const form = stayForm(null, defaults);
    expect(form).toMatchObject({ city: 'Hà Nội', room: '', guest_ids: [], notes: '' });
    expect(form.check_in_on).toBe('02/03/2026');
    expect(stayInput(form).check_out_on).toBe('2026-03-06');
  });

  it('copy a stay without sharing its guest list', () => {
    const stay = {
      ...defaults,
      id: 's1',
      delegation_id: 'd1',
      hotel: 'Melia',
      room: '1203',
      confirmation: 'X1',
      guest_ids: ['p1'],
      notes: 'late arrival',
      created_at: '',
      updated_at: '',
    } satisfies Stay;
    const form = stayForm(stay, { ...defaults, hotel: 'Other' });
    expect(form).toMatchObject({ hotel: 'Melia', room: '1203', confirmation: 'X1', notes: 'late arrival' });
    form.guest_ids.push('p2');
    expect(stay.guest_ids).toEqual(['p1']);
  });
});
