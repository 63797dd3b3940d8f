import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) {
      expect(map.has(name), `directive ${name} appears twice`).toBe(false);
      map.set(name, values);
    }
  }
  return map;
}

describe('contentSecurityPolicy', () => {
  for (const allowConnectToSelf of [false, true]) {
    describe(`allowConnectToSelf: ${allowConnectToSelf}`, () => {
      const policy = contentSecurityPolicy({ allowConnectToSelf });
      const d = directives(policy);

      it('allows nothing unsafe', () => {
        expect(policy).not.toMatch(/unsafe-/i);
        expect(policy).not.toContain('*');
        expect(policy).not.toMatch(/\b(?:https?|ws|wss|blob|filesystem):/i);
      });

      it('denies everything by default', () => {
        expect(d.get('default-src')).toEqual(["'none'"]);
        expect(d.get('object-src')).toEqual(["'none'"]);
        expect(d.get('base-uri')).toEqual(["'none'"]);
        expect(d.get('form-action')).toEqual(["'none'"]);
        expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      });

      it('loads scripts and styles only from the app itself', () => {
        expect(d.get('script-src')).toEqual(["'self'"]);
        expect(d.get('style-src')).toEqual(["'self'"]);
      });
    });
  }

  it('forbids network connections unless connecting to self is allowed', () => {
    expect(directives(contentSecurityPolicy({ allowConnectToSelf: false })).get('connect-src')).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy({ allowConnectToSelf: true })).get('connect-src')).toEqual(["'self'"]);
  });
});
