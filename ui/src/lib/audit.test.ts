import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api';
import { auditSentence } from './audit';

const entry = (field: string, old_value: string | null, new_value: string | null): AuditEntry => ({
  id: 1,
  at: '2017-12-01T08:00:00Z',
  actor: 'dung',
  entity: 'delegation',
  entity_id: 'x',
  field,
  old_value,
  new_value,
  device: null,
});

describe('the change history', () => {
  it('names a status move in the reader’s language', () => {
    const e = entry('status', '"closed"', '"reported"');
    expect(auditSentence(e, 'vi')).toBe('Trạng thái đổi từ “Đã kết thúc” sang “Đã báo cáo”');
    expect(auditSentence(e, 'en')).toBe('Status changed from “Closed” to “Reported”');
  });

  it('writes dates, countries and linked records for people, never JSON', () => {
    expect(auditSentence(entry('ends_on', '"2016-09-09"', '"2016-09-10"'), 'vi')).toBe(
      'Ngày kết thúc đổi từ “09/09/2016” sang “10/09/2016”',
    );
    expect(auditSentence(entry('country', null, '"SG"'), 'en')).toBe('Country set to “Singapore”');
    expect(auditSentence(entry('organisation_id', '"o1"', null), 'en', () => 'INELI-ASEAN')).toBe(
      'Host / partner organisation cleared (was “INELI-ASEAN”)',
    );
    expect(auditSentence(entry('*', null, null), 'vi')).toBe('Tạo hồ sơ');
  });
});
