/**
 * What is wrong with a regular expression the reader typed, as a code the interface says in its
 * own language: the browser's reason ("Invalid regular expression: /a(/giu: Unterminated group")
 * is English, and repeats the words of the message around it.
 */
export const REGEX_PROBLEMS = [
  'unterminated-group',
  'unmatched-paren',
  'nothing-to-repeat',
  'unterminated-class',
  'lone-brace',
  'invalid-escape',
  'trailing-backslash',
  'quantifier-order',
  'range-order',
  'invalid-group',
  'too-large',
  'other',
] as const;
export type RegexProblem = (typeof REGEX_PROBLEMS)[number];

const REASONS: ReadonlyArray<[RegExp, RegexProblem]> = [
  [/^unterminated group/i, 'unterminated-group'],
  [/^unmatched '\)'/i, 'unmatched-paren'],
  [/^nothing to repeat/i, 'nothing-to-repeat'],
  [/^unterminated character class/i, 'unterminated-class'],
  [/^(lone quantifier brackets|incomplete quantifier)/i, 'lone-brace'],
  [/^invalid (unicode |class |property name|decimal escape|escape)/i, 'invalid-escape'],
  [/^\\ at end of pattern/i, 'trailing-backslash'],
  [/^numbers out of order/i, 'quantifier-order'],
  [/^range out of order/i, 'range-order'],
  [/^(invalid group|invalid capture group name|invalid named|duplicate capture group name)/i, 'invalid-group'],
  [/too large/i, 'too-large'],
];

/** The code for the engine's message (`SyntaxError.message`); `other` for one it does not know. */
export function regexProblem(message: string): RegexProblem {
  const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /su, '');
  return REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}
