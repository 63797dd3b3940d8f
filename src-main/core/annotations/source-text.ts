/**
 * One language's current text indexed for anchoring. Stored positions are code points (as the W3C
 * model and other tools count); ranges handed to the renderer are UTF-16 code units (as JavaScript
 * strings count). Pure: no Electron, no Node APIs.
 */
import type { Clause, Lang } from '../model';
import type { TextRange } from './model';


/** The number of code points in `text.slice(0, offset)` (an offset inside a pair counts the pair). */
export function utf16ToCodePoint(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    cp++;
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return cp;
}

/** The UTF-16 offset of code point number `cp` (clamped to the text's end). */
export function codePointToUtf16(text: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

export function toCodePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  // By code unit (no string per character): a 10,000-character quote is read in microseconds.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      out[n++] = ((unit - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      i++;
    } else {
      out[n++] = unit;
    }
  }
  return n === text.length ? out : out.slice(0, n);
}

/**
 * One language's whole current text with its clauses, indexed for anchoring: code points, both
 * offset conversions in O(log n), and the clauses (and their rows) a range overlaps.
 */
export class SourceText {
  readonly codePoints: Int32Array;
  /** UTF-16 offset of each code point (plus the end); `null` when every character is in the BMP. */
  private readonly unitOffsets: Int32Array | null;
  private readonly clauses: readonly Clause[];

  constructor(
    readonly lang: Lang,
    readonly text: string,
    clauses: readonly Clause[],
    private readonly rowOfClause: ReadonlyMap<string, string> = new Map(),
  ) {
    this.codePoints = toCodePoints(text);
    if (this.codePoints.length === text.length) {
      this.unitOffsets = null;
    } else {
      const offsets = new Int32Array(this.codePoints.length + 1);
      let unit = 0;
      for (let i = 0; i < this.codePoints.length; i++) {
        offsets[i] = unit;
        unit += (this.codePoints[i] ?? 0) > 0xffff ? 2 : 1;
      }
      offsets[this.codePoints.length] = unit;
      this.unitOffsets = offsets;
    }
    this.clauses = [...clauses].sort((a, b) => a.start - b.start);
  }

  /** Length in code points. */
  get length(): number {
    return this.codePoints.length;
  }

  toUtf16(cp: number): number {
    const clamped = Math.max(0, Math.min(cp, this.codePoints.length));
    return this.unitOffsets ? (this.unitOffsets[clamped] ?? this.text.length) : clamped;
  }

  /** An offset inside a surrogate pair counts as the pair's start. */
  toCodePoint(unit: number): number {
    const clamped = Math.max(0, Math.min(unit, this.text.length));
    const offsets = this.unitOffsets;
    if (!offsets) return clamped;
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between two code-point offsets. */
  sliceCp(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Clauses overlapping a UTF-16 range, in text order. */
  clausesIn(range: TextRange): Clause[] {
    const out: Clause[] = [];
    let lo = 0;
    let hi = this.clauses.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.clauses[mid]?.end ?? 0) <= range.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.clauses.length; i++) {
      const clause = this.clauses[i];
      if (!clause || clause.start >= range.end) break;
      if (clause.end > range.start) out.push(clause);
    }
    return out;
  }

  rowOf(clauseId: string): string | undefined {
    return this.rowOfClause.get(clauseId);
  }
}

