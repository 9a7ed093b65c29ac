import { describe, expect, it } from 'vitest';
import { fromField, joinLocal, splitLocal, toField } from './dates';

describe('date fields', () => {
  it('round-trip a stored date through the field', () => {
    expect(fromField(toField('2016-09-05'))).toBe('2016-09-05');
    expect(toField(null)).toBe('');
    expect(fromField('  ')).toBe('');
  });

  it('split and join local date-times without losing the minutes', () => {
    expect(splitLocal('2016-09-05T23:50:00')).toEqual(['05/09/2016', '23:50']);
    expect(joinLocal('06/09/2016', '03:10')).toBe('2016-09-06T03:10');
    expect(joinLocal('', '')).toBe('');
  });
});
