export interface Mark {
  start: number;
  end: number;
  className: string;
  /** Set on annotation highlights: the annotation's id (for clicks and tests). */
  annotationId?: string;
  title?: string;
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

/** Clause text with marked ranges (search matches, highlights); overlapping marks combine. */
export function ClauseText({ text, marks }: { text: string; marks: readonly Mark[] | undefined }) {
  if (!marks || marks.length === 0) return <>{text}</>;
  return (
    <>
      {pieces(text.length, marks).map((piece) => {
        const slice = text.slice(piece.start, piece.end);
        if (piece.marks.length === 0) return slice;
        const annotation = piece.marks.find((m) => m.annotationId);
        return (
          <mark
            key={piece.start}
            className={piece.marks.map((m) => m.className).join(' ')}
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
