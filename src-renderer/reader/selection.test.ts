import { describe, expect, it } from 'vitest';
import { snapEnd, snapStart } from './selection';

describe('selection snapping to words', () => {
  const text = 'Expressing our deep concerns over the continued spread';
  it('widens a selection that starts or ends inside a word', () => {
    expect(text.slice(snapStart(text, 2), snapEnd(text, 36))).toBe('Expressing our deep concerns over the');
  });
  it('keeps a selection that already sits on word boundaries', () => {
    expect(text.slice(snapStart(text, 11), snapEnd(text, 14))).toBe('our');
  });
  it('drops spaces at the edges', () => {
    expect(text.slice(snapStart(text, 10), snapEnd(text, 15))).toBe('our');
  });
  it('treats Cyrillic, apostrophes and hyphens as parts of words', () => {
    const ru = 'государств – членов АСЕАН и Ministers’ well-being';
    expect(ru.slice(snapStart(ru, 3), snapEnd(ru, 3))).toBe('государств');
    expect(ru.slice(snapStart(ru, 30), snapEnd(ru, 42))).toBe('Ministers’ well-being');
  });
});
