import { describe, expect, it } from 'vitest';
import type { GuestInput, GuestSheet } from '../api';
import { emptyPersonInput } from '../api';
import {
  arrived,
  byName,
  counts,
  dueDate,
  expiresTooSoon,
  fileStem,
  fold,
  mappingOf,
  matches,
  passportNameDiffers,
  problemColumns,
  rawText,
  valueOf,
} from './hosting';

function guest(over: Partial<GuestInput> = {}): GuestInput {
  return {
    person: { ...emptyPersonInput(), full_name: 'Tan Li Ting' },
    organisation: '',
    arrival: null,
    departure: null,
    ...over,
  };
}

describe('finding a guest by name', () => {
  it('matches Vietnamese names typed without diacritics, đ as d', () => {
    expect(fold('Đặng Quốc Đạt')).toBe('dang quoc dat');
    expect(matches('dang dat', 'Đặng Quốc Đạt')).toBe(true);
    expect(matches('nguyen hoa', 'Nguyễn Thị Hoa')).toBe(true);
    expect(matches('nguyen lan', 'Nguyễn Thị Hoa'), 'every word must be found').toBe(false);
  });

  it('finds names in other scripts as written, or by their passport form', () => {
    expect(matches('ສົມ', 'ສົມພອນ ແກ້ວມະນີ', 'SOMPHONE KEOMANY')).toBe(true);
    expect(matches('somphone', 'ສົມພອນ ແກ້ວມະນີ', 'SOMPHONE KEOMANY')).toBe(true);
    expect(matches('សុខ', 'សុខ ដារ៉ា')).toBe(true);
  });

  it('shows everyone when nothing is typed', () => {
    expect(matches('   ', 'anyone')).toBe(true);
  });

  it('sorts by name without diacritics deciding the order', () => {
    const sorted = byName(['Đỗ Văn B', 'Dương A', 'Anh C'], (x) => x);
    expect(sorted).toEqual(['Anh C', 'Đỗ Văn B', 'Dương A']);
  });
});

describe('the column choices of a preview', () => {
  it('sends nothing when the user changed nothing, so the remembered mapping applies', () => {
    expect(mappingOf({})).toBeNull();
  });

  it('sends changed columns by letter and leaves out those set to not imported', () => {
    expect(mappingOf({ C: 'full_name', E: null })).toEqual({
      columns: { C: 'full_name' },
      header_row: null,
      ignore: ['E'],
    });
  });

  it('reads each field from the row as the sheet gave it', () => {
    const g = guest({
      organisation: 'National Library Board',
      arrival: { number: 'SQ 176', date: '2017-11-26', time: '10:50:00', place: 'SIN' },
    });
    expect(valueOf(g, 'full_name')).toBe('Tan Li Ting');
    expect(valueOf(g, 'organisation')).toBe('National Library Board');
    expect(valueOf(g, 'arrival_flight')).toBe('SQ 176');
    expect(valueOf(g, 'arrival_time')).toBe('10:50');
    expect(valueOf(g, 'departure_flight'), 'no departure read').toBe('');
  });
});

describe('counting', () => {
  const sheet: GuestSheet = {
    file_name: 'x.csv',
    sheet: '',
    header_row: 1,
    columns: [],
    notes: [],
    rows: [
      { row: 2, guest: guest(), problems: [] },
      {
        row: 3,
        guest: guest(),
        problems: [
          {
            row: 3,
            column: 'D',
            field: 'passport_expires_on',
            kind: 'bad_date',
            message: 'x',
            existing_person_id: null,
            existing_person_name: null,
          },
          {
            row: 3,
            column: '',
            field: null,
            kind: 'missing_name',
            message: 'y',
            existing_person_id: null,
            existing_person_name: null,
          },
        ],
      },
    ],
  };

  it('counts rows with problems once however many they have', () => {
    expect(counts(sheet)).toEqual({ rows: 2, bad: 1, good: 1, problems: 2 });
  });

  it('names the cells to highlight, the whole row as an empty column', () => {
    expect([...problemColumns(sheet.rows[1]!)].sort()).toEqual(['', 'D']);
  });

  it('counts the guests ticked at the desk', () => {
    expect(arrived([{ checked_in_at: '2017-11-26T10:00:00Z' }, { checked_in_at: null }])).toEqual({
      arrived: 1,
      total: 2,
    });
  });
});

describe('dates and names', () => {
  it('flags a passport that expires before the last day, not on it', () => {
    expect(expiresTooSoon('2017-11-29', '2017-11-30')).toBe(true);
    expect(expiresTooSoon('2017-11-30', '2017-11-30')).toBe(false);
    expect(expiresTooSoon(null, '2017-11-30')).toBe(false);
  });

  it('counts checklist due dates back from the first day, across months', () => {
    expect(dueDate('2017-11-27', 30)).toBe('2017-10-28');
    expect(dueDate('2017-11-27', 3)).toBe('2017-11-24');
    expect(dueDate('2017-11-27', -1), 'after the start').toBe('2017-11-28');
    expect(dueDate('2024-03-01', 1), 'leap year').toBe('2024-02-29');
  });

  it('makes a file name without the characters file systems refuse', () => {
    expect(fileStem('Hội nghị: 3/2017 "INELI"')).toBe('Hội nghị 3 2017 INELI');
    expect(fileStem('   ')).toBe('delegation');
    expect(Array.from(fileStem('a'.repeat(200))).length).toBe(80);
    expect(fileStem('a\u0000b\u001fc\u007fd'), 'control characters below U+0020').toBe('a b c\u007fd');
  });
});

describe('what a cell held', () => {
  it('shows the text of a cell that could not be read, as the reader quoted it', () => {
    const problem = {
      row: 3,
      column: 'F',
      field: 'born_on' as const,
      kind: 'bad_date' as const,
      message: 'Row 3, column F (Date of birth): "31/02/1980" is not a date: write it as 27/11/2017',
      existing_person_id: null,
      existing_person_name: null,
    };
    expect(rawText(problem)).toBe('31/02/1980');
    expect(
      rawText({ ...problem, kind: 'duplicate_person', message: 'passport "X" is in the directory' }),
      'only for unreadable cells',
    ).toBe('');
    expect(rawText(undefined)).toBe('');
  });

  it('shows a passport name only when it is more than the name in capitals', () => {
    expect(passportNameDiffers('Trần Mỹ Dung', 'TRAN MY DUNG')).toBe(false);
    expect(passportNameDiffers('Đặng Quốc Đạt', 'DANG QUOC DAT')).toBe(false);
    expect(passportNameDiffers('ສົມພອນ ແກ້ວມະນີ', 'SOMPHONE KEOMANY')).toBe(true);
    expect(passportNameDiffers('Maria Reyes', 'REYES MARIA')).toBe(true);
    expect(passportNameDiffers('Maria Reyes', '')).toBe(false);
  });
});
