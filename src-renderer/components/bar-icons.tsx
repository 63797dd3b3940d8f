/**
 * The top bar's icons, drawn for its narrow form (below 1200 px the panel and mode buttons show
 * these in place of their words). Decorative: the button's name is its (visually hidden) label.
 */
export type BarIcon = 'contents' | 'search' | 'notes' | 'bookmarks' | 'edit';

const PATHS: Record<BarIcon, string> = {
  // A list: three bullets and their lines.
  contents: 'M2.5 4h1M6 4h7.5M2.5 8h1M6 8h7.5M2.5 12h1M6 12h7.5',
  // A magnifier.
  search: 'M11.5 7a4.5 4.5 0 1 1-9 0a4.5 4.5 0 1 1 9 0zM10.3 10.3L14 14',
  // A speech bubble.
  notes: 'M2.5 3h11v8H8l-3.5 2.75V11h-2z',
  // A ribbon.
  bookmarks: 'M4 2h8v12l-4-3.2L4 14z',
  // Two columns, joined: the alignment of one text to the other.
  edit: 'M2 3h4v10H2zM10 3h4v10h-4zM6 6.5h4M6 9.5h4',
};

export function BarIconSvg({ icon }: { icon: BarIcon }) {
  return (
    <svg className="bar-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[icon]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
