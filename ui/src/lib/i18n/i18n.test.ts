import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';
import { interpolate, translate } from './index.svelte';

describe('translations', () => {
  it('have the same keys in Vietnamese and English', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !viKeys.includes(k)),
      'keys only in English',
    ).toEqual([]);
    expect(
      viKeys.filter((k) => !enKeys.includes(k)),
      'keys only in Vietnamese',
    ).toEqual([]);
  });

  it('have no empty texts', () => {
    for (const [lang, dict] of Object.entries({ vi, en })) {
      const empty = Object.entries(dict).filter(([, text]) => text.trim() === '');
      expect(empty, `empty texts in ${lang}`).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(names(en[key]), `placeholders of ${key}`).toEqual(names(vi[key]));
    }
  });

  it('fill placeholders and keep unknown ones visible', () => {
    expect(translate('vi', 'delegations.count', { count: 3 })).toBe('3 đoàn');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
