import { describe, expect, it } from 'vitest';
import { databaseKey, href, parse } from './router.svelte';

describe('routes', () => {
  it('read back what they write', () => {
    for (const r of [
      { page: 'today' },
      { page: 'delegations' },
      { page: 'delegation', id: '0190-abc', tab: 'travel' },
      { page: 'person', id: 'p 1' },
      { page: 'trash' },
      { page: 'statistics' },
      { page: 'conflicts' },
    ] as const) {
      expect(parse(href(r))).toEqual(r);
    }
  });

  it('open the overview of a delegation by default and Today for anything unknown', () => {
    expect(parse('#/delegations/x')).toEqual({ page: 'delegation', id: 'x', tab: 'overview' });
    expect(parse('#/nowhere')).toEqual({ page: 'today' });
    expect(parse('')).toEqual({ page: 'today' });
  });
});

describe('the last view', () => {
  it('is kept under a key of its own for each database', () => {
    const a = databaseKey('/home/a/desk.sqlite');
    expect(a).toBe(databaseKey('/home/a/desk.sqlite'));
    expect(a).not.toBe(databaseKey('/tmp/other/desk.sqlite'));
    expect(a).toMatch(/^desk\.route\.[0-9a-f]{8}$/);
  });
});
