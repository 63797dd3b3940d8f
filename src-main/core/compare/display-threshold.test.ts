import { describe, expect, it } from 'vitest';
import { LINK_DISPLAY_THRESHOLD } from '../../contract/compare';
import { DEFAULT_LINK_THRESHOLD } from './links';

describe('the reader shows links at the threshold main links with', () => {
  it('is the same number on both sides', () => {
    expect(LINK_DISPLAY_THRESHOLD).toBe(DEFAULT_LINK_THRESHOLD);
  });
});
