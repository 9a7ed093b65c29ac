import { describe, expect, it } from 'vitest';
import { PreviewResources } from './preview';

function task() {
  const t = { destroyed: 0, destroy: () => void t.destroyed++ };
  return t;
}

describe('a PDF preview gives back what it held when it closes', () => {
  it('ends the document and its worker, and empties the pages drawn', () => {
    const pages = [
      { width: 1520, height: 2150 },
      { width: 1520, height: 2150 },
    ];
    const held = new PreviewResources(() => pages);
    const loading = held.hold(task());
    expect(held.closed).toBe(false);
    held.close();
    expect(loading.destroyed).toBe(1);
    expect(held.closed).toBe(true);
    expect(pages).toEqual([
      { width: 0, height: 0 },
      { width: 0, height: 0 },
    ]);
    held.close();
    expect(loading.destroyed).toBe(1);
  });

  it('ends a file that finishes opening after the preview was closed', () => {
    const held = new PreviewResources(() => []);
    held.close();
    const late = held.hold(task());
    expect(late.destroyed).toBe(1);
  });
});
