import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../api';
import { syncsByItself } from './synced.svelte';

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  folder: 'hop-tac',
  joined: true,
  device_name: 'laptop',
  passphrase_kept: true,
  open_conflicts: 0,
  last_sync: null,
  auto: true,
  ...over,
});

describe('the automatic sync', () => {
  it('runs on a joined device that keeps its passphrase, once turned on', () => {
    expect(syncsByItself(status())).toBe(true);
  });
  it('never runs off, before joining, without a kept passphrase, or with no database', () => {
    expect(syncsByItself(status({ auto: false }))).toBe(false);
    expect(syncsByItself(status({ joined: false }))).toBe(false);
    expect(syncsByItself(status({ passphrase_kept: false }))).toBe(false);
    expect(syncsByItself(null)).toBe(false);
  });
});
