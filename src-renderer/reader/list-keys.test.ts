import { describe, expect, it } from 'vitest';
import { listStep } from './list-keys';

describe('listStep: the arrow keys in a panel list', () => {
  it('Down from the field or heading above the list goes to the first item; Up does nothing there', () => {
    expect(listStep('ArrowDown', 3, 'lead')).toBe(0);
    expect(listStep('ArrowUp', 3, 'lead')).toBeUndefined();
    expect(listStep('Home', 3, 'lead')).toBeUndefined();
  });
  it('Down and Up move by one and stop at the last; Up from the first goes back above the list', () => {
    expect(listStep('ArrowDown', 3, 0)).toBe(1);
    expect(listStep('ArrowDown', 3, 2)).toBe(2);
    expect(listStep('ArrowUp', 3, 2)).toBe(1);
    expect(listStep('ArrowUp', 3, 0)).toBe('lead');
  });
  it('Home and End go to the ends; other keys and an empty list are not handled', () => {
    expect(listStep('Home', 5, 3)).toBe(0);
    expect(listStep('End', 5, 1)).toBe(4);
    expect(listStep('Enter', 5, 1)).toBeUndefined();
    expect(listStep('ArrowDown', 0, 'lead')).toBeUndefined();
  });
});
