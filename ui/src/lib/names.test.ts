import { describe, expect, it } from 'vitest';
import { copyTitle, TITLE_MAX } from './names';

describe('copyTitle', () => {
  it('numbers copies of copies instead of stacking the word', () => {
    let title = 'Đoàn Bộ Y tế Lào';
    title = copyTitle(title, 'bản sao');
    expect(title).toBe('Đoàn Bộ Y tế Lào (bản sao)');
    title = copyTitle(title, 'bản sao');
    expect(title).toBe('Đoàn Bộ Y tế Lào (bản sao 2)');
    title = copyTitle(title, 'bản sao');
    expect(title).toBe('Đoàn Bộ Y tế Lào (bản sao 3)');
  });

  it('speaks the window language even for a copy made in the other one', () => {
    expect(copyTitle('Visit to Vientiane (copy 4)', 'bản sao')).toBe('Visit to Vientiane (bản sao 5)');
    expect(copyTitle('Thăm Viêng Chăn (bản sao)', 'copy')).toBe('Thăm Viêng Chăn (copy 2)');
    expect(copyTitle('Meeting (draft)', 'copy')).toBe('Meeting (draft) (copy)');
  });

  it('never grows past the longest title, however often it is copied', () => {
    let title = 'Đ'.repeat(TITLE_MAX);
    for (let i = 0; i < 200; i++) {
      title = copyTitle(title, 'bản sao');
      expect([...title].length).toBeLessThanOrEqual(TITLE_MAX);
    }
    expect(title.endsWith('… (bản sao 200)')).toBe(true);
  });
});
