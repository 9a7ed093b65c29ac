import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../api';
import { backupSize, newestVerified } from './backups';

const backup = (file: string, verified: boolean): BackupInfo => ({
  file,
  made_at: '2026-12-02T07:55:00Z',
  size: 4096,
  verified,
  reason: 'daily',
});

describe('backups as the list shows them', () => {
  it('restores the newest copy that passed its check, never a half-made one', () => {
    const list = [backup('c.sqlite.partial', false), backup('b.sqlite', true), backup('a.sqlite', true)];
    expect(newestVerified(list)?.file).toBe('b.sqlite');
    expect(newestVerified([backup('x.partial', false)])).toBeNull();
  });

  it('gives sizes in units people read', () => {
    expect(backupSize(4096)).toBe('4 KB');
    expect(backupSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
  });
});
