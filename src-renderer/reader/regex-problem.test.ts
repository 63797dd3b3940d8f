import { describe, expect, it } from 'vitest';
import { regexProblem } from './regex-problem';

/** The engine's own message for a pattern, compiled as the word search compiles it (flags giu). */
function engineMessage(pattern: string): string {
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, 'giu');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${compiled.source} compiles`);
}

describe('regexProblem', () => {
  it("names what is wrong with the patterns readers get wrong, from this engine's own messages", () => {
    expect(regexProblem(engineMessage('health('))).toBe('unterminated-group');
    expect(regexProblem(engineMessage('health)'))).toBe('unmatched-paren');
    expect(regexProblem(engineMessage('*health'))).toBe('nothing-to-repeat');
    expect(regexProblem(engineMessage('[a-z'))).toBe('unterminated-class');
    expect(regexProblem(engineMessage('a{2'))).toBe('lone-brace');
    expect(regexProblem(engineMessage('\\q'))).toBe('invalid-escape');
    expect(regexProblem(engineMessage('health\\'))).toBe('trailing-backslash');
    expect(regexProblem(engineMessage('a{3,1}'))).toBe('quantifier-order');
    expect(regexProblem(engineMessage('[z-a]'))).toBe('range-order');
    expect(regexProblem(engineMessage('(?<1a>x)'))).toBe('invalid-group');
  });

  it('gives "other" for a message it does not know, never the English text', () => {
    expect(regexProblem('Invalid regular expression: /x/giu: Something new')).toBe('other');
    expect(regexProblem('')).toBe('other');
  });
});
