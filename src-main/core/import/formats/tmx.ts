/**
 * `.tmx` (bilingual): every `<tu>` with an English and/or Russian `<tuv>` is a unit; inline codes
 * (`bpt`, `ept`, `ph`, `it`, `ut`) are dropped. The text is fed to the parser in slices and every
 * unit charged on both sides as it closes.
 */
import { Parser } from 'htmlparser2';
import { decodeBytes } from '../decode';
import { ImportError } from '../errors';
import { PARSE_SLICE } from '../html-blocks';
import { type BilingualUnit, UnitSink, oneLine } from './paragraphs';
import type { BilingualReader } from './reader';
import { importWarning } from '../warnings';

export const tmxReader: BilingualReader = {
  kind: 'bilingual',
  format: 'tmx',
  extensions: ['tmx'],
  read(bytes, { budget, limits }) {
    const name = budget.name;
    const declared = /^[^>]*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(String.fromCharCode(...bytes.subarray(0, 200)))?.[1];
    const decoded = decodeBytes(bytes, name, { maxBytes: limits.maxFileBytes, ...(declared ? { declared } : {}) });
    const sink = new UnitSink(budget);
    const { skipped } = forEachTmxUnit(decoded.text, (unit) => sink.add(unit.en, unit.ru));
    if (sink.units.length === 0) {
      throw new ImportError('unsupported-format', `“${name}” holds no English or Russian translation units`, name, { reason: 'no-units' });
    }
    const warnings = [...decoded.warnings];
    if (skipped > 0) warnings.push(importWarning('units-skipped', { count: skipped }));
    return { format: 'tmx', units: sink.units, encoding: decoded.encoding, warnings };
  },
};

const langOf = (value: string | undefined): 'en' | 'ru' | undefined => {
  const l = (value ?? '').toLowerCase();
  return l === 'en' || l.startsWith('en-') || l.startsWith('en_') ? 'en' : l === 'ru' || l.startsWith('ru-') || l.startsWith('ru_') ? 'ru' : undefined;
};

/** TMX (any version) → units; `<tu>`s with neither language are counted as skipped. */
export function parseTmx(xml: string): { units: BilingualUnit[]; skipped: number } {
  const units: BilingualUnit[] = [];
  const { skipped } = forEachTmxUnit(xml, (unit) => {
    units.push(unit);
    return true;
  });
  return { units, skipped };
}

const CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

/** Calls `emit` for each unit with text as it closes (`false` back: it was skipped after all). */
export function forEachTmxUnit(xml: string, emit: (unit: BilingualUnit) => boolean): { skipped: number } {
  let skipped = 0;
  let unit: { en?: string; ru?: string } | undefined;
  let lang: 'en' | 'ru' | undefined;
  let seg: string | undefined;
  let codeDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        if (tag === 'tu') unit = {};
        else if (tag === 'tuv') lang = langOf(attributes['xml:lang'] ?? attributes.lang);
        else if (tag === 'seg') seg = '';
        else if (CODES.has(tag) && seg !== undefined) codeDepth++;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (CODES.has(tag) && seg !== undefined) codeDepth = Math.max(0, codeDepth - 1);
        else if (tag === 'seg') {
          if (unit && lang && seg !== undefined && unit[lang] === undefined) unit[lang] = oneLine(seg);
          seg = undefined;
        } else if (tag === 'tuv') lang = undefined;
        else if (tag === 'tu') {
          const kept = unit && ((unit.en ?? '') !== '' || (unit.ru ?? '') !== '') && emit({ en: unit.en ?? '', ru: unit.ru ?? '' });
          if (!kept) skipped++;
          unit = undefined;
        }
      },
      ontext(data) {
        if (seg !== undefined && codeDepth === 0) seg += data;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  for (let at = 0; at < xml.length; at += PARSE_SLICE) parser.write(xml.slice(at, at + PARSE_SLICE));
  parser.end();
  return { skipped };
}
