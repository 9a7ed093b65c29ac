import { describe, expect, it } from 'vitest';
import type { DeskError, SyncReport } from '../api';
import { conflictField, conflictValue, recordKindName, syncOutcome, syncRefusal } from './sync';

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  device: 'd1',
  joined: false,
  sent: 2,
  received: 5,
  open_conflicts: 1,
  held_back: [],
  ...over,
});

const failure = (kind: DeskError['kind'], message = 'x'): DeskError => ({
  kind,
  message,
  violations: [],
  code: '',
  params: {},
});

describe('a conflict in words', () => {
  it('names the record’s kind, and shows a kind it does not know as is', () => {
    expect(recordKindName('delegation', 'vi')).toBe('Đoàn');
    expect(recordKindName('member', 'en')).toBe('Member');
    expect(recordKindName('sync_widget', 'en')).toBe('sync_widget');
  });

  it('names the field with the forms’ labels, `*` as the whole record', () => {
    expect(conflictField('delegation', 'title', 'vi')).toBe('Tên đoàn');
    expect(conflictField('person', 'title', 'en')).toBe('Position');
    expect(conflictField('delegation', 'ends_on', 'en')).toBe('End date');
    expect(conflictField('stay', '*', 'vi')).toBe('Toàn bộ bản ghi');
    expect(conflictField('task', 'odd_column', 'en')).toBe('odd_column');
  });

  it('shows text as text, codes and dates as the window writes them', () => {
    expect(conflictValue('title', '<b>Hội nghị</b>', 'vi')).toBe('<b>Hội nghị</b>');
    expect(conflictValue('status', 'closed', 'en')).toBe('Closed');
    expect(conflictValue('starts_on', '2016-09-05', 'vi')).toBe('05/09/2016');
    expect(conflictValue('country', 'SG', 'en')).toBe('Singapore');
    expect(conflictValue('copies', 3, 'en')).toBe('3');
  });

  it('says a deleted record, a whole record and an empty field in words, never JSON', () => {
    expect(conflictValue('*', null, 'vi')).toBe('đã xóa');
    expect(conflictValue('*', null, 'en')).toBe('deleted');
    expect(conflictValue('*', { id: 'x', title: 'T' }, 'en')).toBe('The whole record');
    expect(conflictValue('notes', '', 'en')).toBe('(empty)');
    expect(conflictValue('organisation_id', null, 'vi')).toBe('(để trống)');
  });
});

describe('what a sync did', () => {
  it('says what was sent, received and waits', () => {
    expect(syncOutcome(report(), 'en')).toEqual(['Sent 2 changes, received 5; 1 conflicts to settle.']);
    expect(syncOutcome(report(), 'vi')).toEqual(['Đã gửi 2 thay đổi, nhận 5; 1 xung đột cần giải quyết.']);
  });

  it('says first that the device joined, then one sentence per device held back', () => {
    const said = syncOutcome(report({ joined: true, held_back: ['laptop-2', 'pc-3'] }), 'en');
    expect(said).toHaveLength(4);
    expect(said[0]).toBe('This device joined the office’s folder.');
    expect(said[2]).toMatch(/^Changes from laptop-2 were made by a newer Delegation Desk/);
    expect(said[3]).toMatch(/^Changes from pc-3 /);
  });

  it('says a wrong passphrase and a damaged file in the window’s language', () => {
    expect(syncRefusal(failure('locked', 'the sync passphrase is not this folder’s'), 'vi')).toBe(
      'Mật khẩu đồng bộ không mở được thư mục này; chưa có gì được đọc hay áp dụng.',
    );
    expect(syncRefusal(failure('damaged', 'd1/000002.chg: altered'), 'en')).toBe(
      'A file in the shared folder is damaged or was altered outside the desk; nothing was applied (d1/000002.chg: altered).',
    );
    expect(syncRefusal(failure('io', 'office-sync: permission denied'), 'vi')).toBe(
      'Không đọc hoặc ghi được thư mục chung; chưa áp dụng gì (office-sync: permission denied).',
    );
    expect(syncRefusal(failure('conflict'), 'en')).toBeNull();
  });
});
