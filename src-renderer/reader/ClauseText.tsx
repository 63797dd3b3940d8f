import { type ReactNode, useContext, useLayoutEffect, useRef } from 'react';
import { type FootnoteMark, marksIn, OpenFootnoteContext, useFootnotes } from './footnotes';
import { useRowT } from './row-text';

export interface Mark {
  start: number;
  end: number;
  className: string;
  /** Set on annotation highlights: the annotation's id (for clicks and tests). */
  annotationId?: string;
  title?: string;
  /** Classes for the mark's last piece only (a marker drawn once, however the text is cut). */
  endClassName?: string;
}

interface Piece {
  start: number;
  end: number;
  marks: Mark[];
}

/** Splits text at every mark boundary; each piece knows every mark that covers it. */
export function pieces(length: number, marks: readonly Mark[]): Piece[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(length, m.start)));
    cuts.add(Math.max(0, Math.min(length, m.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end > start) out.push({ start, end, marks: marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/**
 * Clause text with marked ranges (search matches, highlights); overlapping marks combine. `notes`:
 * the source's footnote marks in the clause, drawn where they stood (`footnotes.ts`).
 */
export function ClauseText({ text, marks, terms, notes }: { text: string; marks: readonly Mark[] | undefined; terms?: TermLayer | undefined; notes?: readonly FootnoteMark[] | undefined }) {
  if (terms && terms.spans.length > 0) return <TermText text={text} marks={marks} terms={terms} notes={notes} />;
  return <MarkedText text={text} offset={0} marks={marks} notes={marksIn(notes, 0, text.length, true)} />;
}

/** The footnote mark holding the focus, if one does (see `FootnoteRef`). */
let focusedMark: number | undefined;

/**
 * The mark of one of the source's footnotes: a real button, raised like a footnote number. Its
 * number is drawn by the style sheet (`data-label`), so it is not part of the clause's text: a
 * selection, a copy or a search reads the text as the source has it.
 */
function FootnoteRef({ mark }: { mark: FootnoteMark }) {
  const t = useRowT();
  const { open, ui } = useFootnotes();
  const expanded = useContext(OpenFootnoteContext) === mark.index;
  const ref = useRef<HTMLButtonElement>(null);
  // The row draws its linked terms once it holds the focus, which may draw this mark anew: the
  // focus it had stays on it.
  useLayoutEffect(() => {
    if (focusedMark === mark.index && (document.activeElement === null || document.activeElement === document.body)) ref.current?.focus({ preventScroll: true });
  }, [mark.index]);
  return (
    <button
      ref={ref}
      onFocus={() => {
        focusedMark = mark.index;
      }}
      onBlur={() => {
        if (focusedMark === mark.index) focusedMark = undefined;
      }}
      type="button"
      className="footnote-ref"
      data-footnote={mark.index}
      aria-expanded={expanded}
      data-label={mark.label}
      lang={ui}
      aria-label={t('footnotes.mark', { label: mark.label })}
      aria-haspopup="dialog"
      onMouseDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.preventDefault();
        event.stopPropagation();
        open(mark.index);
      }}
    />
  );
}

/** `text` is the clause's text from `offset`; marks and footnote marks are in clause offsets. */
function MarkedText({ text, offset, marks, notes }: { text: string; offset: number; marks: readonly Mark[] | undefined; notes?: readonly FootnoteMark[] | undefined }) {
  if (!notes || notes.length === 0) return <Marked text={text} offset={offset} marks={marks} />;
  const out: ReactNode[] = [];
  let at = 0;
  for (const note of notes) {
    const local = Math.max(at, Math.min(text.length, note.at - offset));
    if (local > at) out.push(<Marked key={`t${at}`} text={text.slice(at, local)} offset={offset + at} marks={marks} />);
    out.push(<FootnoteRef key={`f${note.index}`} mark={note} />);
    at = local;
  }
  if (at < text.length) out.push(<Marked key={`t${at}`} text={text.slice(at)} offset={offset + at} marks={marks} />);
  return <>{out}</>;
}

function Marked({ text, offset, marks }: { text: string; offset: number; marks: readonly Mark[] | undefined }) {
  if (!marks || marks.length === 0) return <>{text}</>;
  const local = offset === 0 ? marks : marks.map((m) => ({ ...m, start: m.start - offset, end: m.end - offset }));
  return (
    <>
      {pieces(text.length, local).map((piece) => {
        const slice = text.slice(piece.start, piece.end);
        if (piece.marks.length === 0) return slice;
        const annotation = piece.marks.find((m) => m.annotationId);
        return (
          <mark
            key={piece.start}
            className={piece.marks.map((m) => (m.endClassName && m.end === piece.end ? `${m.className} ${m.endClassName}` : m.className)).join(' ')}
            data-annotation-id={annotation?.annotationId}
            title={annotation?.title ?? piece.marks.find((m) => m.title)?.title}
          >
            {slice}
          </mark>
        );
      })}
    </>
  );
}

// ---- Term links ----

/** The linked terms of a clause, and which link is lit now (`term-links.ts`, `links-store.ts`). */
export interface TermLayer {
  /** Sorted, not overlapping, in clause offsets. */
  spans: readonly { start: number; end: number; link: number }[];
  /** The class of each link (number, acronym, glossary…), by index. */
  classOf?: (link: number) => string;
  /** The lit link, and whether it was pointed at on this side (else this side has its counterpart). */
  lit: { link: number; source: boolean } | undefined;
  /** The element id of this side's end of a link, and of the other side's (undefined: not drawn). */
  idOf: (link: number) => string;
  counterpartIdOf: (link: number) => string | undefined;
}

/** Each linked term is one element (marks cut inside it), so pointing anywhere on it lights it. */
function TermText({ text, marks, terms, notes }: { text: string; marks: readonly Mark[] | undefined; terms: TermLayer; notes?: readonly FootnoteMark[] | undefined }) {
  const out: ReactNode[] = [];
  let at = 0;
  for (const span of terms.spans) {
    if (span.start > at) out.push(<MarkedText key={`t${at}`} text={text.slice(at, span.start)} offset={at} marks={marks} notes={marksIn(notes, at, span.start, false)} />);
    const lit = terms.lit?.link === span.link;
    out.push(
      <span
        key={`l${span.start}`}
        id={terms.idOf(span.link)}
        className={`term${lit ? (terms.lit?.source ? ' is-lit is-lit-source' : ' is-lit is-lit-counterpart') : ''}`}
        data-link={span.link}
        data-link-class={terms.classOf?.(span.link)}
        tabIndex={-1}
        aria-describedby={terms.counterpartIdOf(span.link)}
      >
        <MarkedText text={text.slice(span.start, span.end)} offset={span.start} marks={marks} notes={marksIn(notes, span.start, span.end, false)} />
      </span>,
    );
    at = span.end;
  }
  const rest = marksIn(notes, at, text.length, true);
  if (at < text.length || rest) out.push(<MarkedText key={`t${at}`} text={text.slice(at)} offset={at} marks={marks} notes={rest} />);
  return <>{out}</>;
}
