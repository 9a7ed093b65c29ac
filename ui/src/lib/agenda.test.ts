import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../api';
import { sentence, target, when } from './agenda';

function item(over: Partial<AgendaItem>): AgendaItem {
  return {
    kind: 'passport_expiring',
    severity: 'due_soon',
    due_on: '2016-09-05',
    days_left: 11,
    delegation_id: 'd1',
    delegation_title: 'Singapore 2016',
    direction: 'outgoing',
    person_id: 'p1',
    person_name: 'Trần Mỹ Dung',
    task_id: null,
    segment_id: null,
    other_delegation_id: null,
    subject: '',
    country: 'SG',
    related_on: '2017-01-20',
    threshold: 6,
    message: '',
    ...over,
  };
}

describe('agenda items as people read them', () => {
  it('say whose passport, until when, and the rule', () => {
    expect(sentence(item({}), 'vi')).toBe(
      'Hộ chiếu của Trần Mỹ Dung hết hạn 20/01/2017, chưa đủ 6 tháng sau ngày về (Singapore 2016)',
    );
  });

  it('name the country of a missing visa in the user language', () => {
    expect(sentence(item({ kind: 'visa_not_granted' }), 'en')).toBe(
      'Trần Mỹ Dung has no Singapore visa yet (Singapore 2016)',
    );
  });

  it('tell departures from arrivals by direction', () => {
    expect(sentence(item({ kind: 'delegation_starts' }), 'en')).toBe('Singapore 2016 departs');
    expect(sentence(item({ kind: 'delegation_starts', direction: 'incoming' }), 'en')).toBe('Singapore 2016 arrives');
  });

  it('count days left or overdue', () => {
    expect(when(item({ days_left: -3 }))).toBe('quá hạn 3 ngày');
    expect(when(item({ days_left: 0 }))).toBe('hôm nay');
  });

  it('open the record where the user can act', () => {
    expect(target(item({}))).toEqual({ page: 'person', id: 'p1' });
    expect(target(item({ kind: 'report_due' }))).toEqual({ page: 'delegation', id: 'd1', tab: 'report' });
    expect(target(item({ kind: 'task_due' }))).toEqual({ page: 'delegation', id: 'd1', tab: 'tasks' });
  });
});
