export interface Mark {
  start: number;
  end: number;
  className: string;
}

/** Clause text with marked ranges (search matches, later highlights), as `<mark>` elements. */
export function ClauseText({ text, marks }: { text: string; marks: readonly Mark[] | undefined }) {
  if (!marks || marks.length === 0) return <>{text}</>;
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  sorted.forEach((mark, i) => {
    const start = Math.max(mark.start, at);
    if (start >= mark.end) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={i} className={mark.className}>
        {text.slice(start, mark.end)}
      </mark>,
    );
    at = mark.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
