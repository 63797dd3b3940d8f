/**
 * The limits on what an import extracts (`IMPORT_LIMITS` in the contract; README, "Limits on
 * imports") and the budget the readers charge while they read, so that a hostile file is stopped
 * when it passes a limit — not after it has filled the memory.
 *
 * - Characters and paragraphs per language: charged for every paragraph a reader emits (a
 *   bilingual reader charges each unit on both sides).
 * - Bytes unpacked from one part of a package: charged for every chunk the inflater gives
 *   (`formats/zip.ts`), whatever size the archive's header claims; and the XML elements parsed
 *   from it, so that markup without text is stopped as soon as text would be.
 * - Clauses per language: checked after segmentation (`prepare.ts`, `pipeline.ts`).
 *
 * Why these numbers: a row id is `r<group>-<row>` with at most six digits each (the saved
 * alignment's schema), so groups (≤ paragraphs) and rows (≤ clauses) must stay below 1,000,000
 * with room to spare; and the largest pair allowed must segment and align in a worker in well
 * under a laptop's memory (`npm run bench:hostile` prints the figures).
 */
import { IMPORT_LIMITS, type ImportLimits, MAX_FOOTNOTES } from '../../contract/ipc';
import { ImportError, displayName, megabytes } from './errors';

export { IMPORT_LIMITS, type ImportLimits };

export type Side = 'en' | 'ru';

/** What one file may still bring; readers charge it as they go. */
export class ExtractionBudget {
  readonly name: string;
  private readonly characters: Record<Side, number> = { en: 0, ru: 0 };
  private readonly paragraphs: Record<Side, number> = { en: 0, ru: 0 };
  private inflated = 0;
  private elements = 0;

  constructor(
    fileName: string,
    readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {
    this.name = displayName(fileName);
  }

  /** One paragraph of `length` characters on `side` (a monolingual file has only `en`). */
  paragraph(length: number, side: Side = 'en'): void {
    this.paragraphs[side]++;
    this.characters[side] += length;
    if (this.paragraphs[side] > this.limits.maxParagraphs) {
      throw new ImportError('too-much-text', `“${this.name}” holds more than ${this.limits.maxParagraphs.toLocaleString('en')} paragraphs; the app imports at most that many per language`, this.name, {
        reason: 'too-many-paragraphs',
        params: { max: this.limits.maxParagraphs },
      });
    }
    if (this.characters[side] > this.limits.maxCharacters) {
      throw new ImportError('too-much-text', `“${this.name}” holds more than ${this.limits.maxCharacters.toLocaleString('en')} characters of text; the app imports at most that many per language`, this.name, {
        params: { max: this.limits.maxCharacters },
      });
    }
  }

  /** Refuses now if a paragraph still being read (`length` characters so far) would pass the limit. */
  pending(length: number, side: Side = 'en'): void {
    if (this.characters[side] + length > this.limits.maxCharacters) this.paragraph(length, side);
  }

  /** `bytes` more unpacked from a package part. */
  inflate(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes) {
      throw new ImportError('too-large', `“${this.name}” unpacks to more than ${megabytes(this.limits.maxInflatedBytes)} MB; too large to import`, this.name, {
        reason: 'too-large-part',
        params: { max: megabytes(this.limits.maxInflatedBytes) },
      });
    }
  }

  /** One more XML element parsed from a package part. */
  element(): void {
    if (++this.elements > this.limits.maxElements) {
      throw new ImportError('too-large', `“${this.name}” holds more than ${this.limits.maxElements.toLocaleString('en')} XML elements; too large to import`, this.name, {
        reason: 'too-many-elements',
        params: { max: this.limits.maxElements },
      });
    }
  }

  /** A side's own footnotes: at most `MAX_FOOTNOTES`, their text at most `maxCharacters` (besides the body's). */
  static notes(notes: readonly { text: string }[] | undefined, name: string, limits: ImportLimits = IMPORT_LIMITS): void {
    if (!notes) return;
    const file = displayName(name);
    if (notes.length > MAX_FOOTNOTES) {
      throw new ImportError('too-much-text', `“${file}” holds more than ${MAX_FOOTNOTES.toLocaleString('en')} footnotes; the app imports at most that many per language`, file, {
        reason: 'too-many-notes',
        params: { max: MAX_FOOTNOTES },
      });
    }
    const characters = notes.reduce((n, note) => n + note.text.length, 0);
    if (characters > limits.maxCharacters) {
      throw new ImportError('too-much-text', `“${file}” holds more than ${limits.maxCharacters.toLocaleString('en')} characters of footnotes; the app imports at most that many per language`, file, {
        params: { max: limits.maxCharacters },
      });
    }
  }

  /** Clauses of one side after segmentation. */
  static clauses(count: number, name: string, limits: ImportLimits = IMPORT_LIMITS): void {
    if (count > limits.maxClauses) {
      const file = displayName(name);
      throw new ImportError('too-much-text', `“${file}” holds more than ${limits.maxClauses.toLocaleString('en')} clauses; the app imports at most that many per language`, file, {
        reason: 'too-many-clauses',
        params: { max: limits.maxClauses },
      });
    }
  }
}
