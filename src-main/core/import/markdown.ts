/**
 * Markdown → blocks, through marked's lexer (CommonMark + GFM tables; its tokens only — nothing is
 * rendered to HTML, so no raw HTML is ever interpreted beyond dropping its tags). Kept: headings
 * (ATX and setext, with their level), paragraphs (their line breaks), list items (an ordered item
 * keeps its number), block quotes' paragraphs, table rows (cells tab-separated), code blocks as
 * text. Left out: front matter, link targets and titles, image addresses (the alt text stays),
 * emphasis and code marks, thematic breaks, link reference definitions, raw HTML tags.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block } from './extracted';

const stripFrontMatter = (markdown: string) => {
  const lines = markdown.split('\n');
  if (lines[0]?.trim() !== '---') return markdown;
  const end = lines.findIndex((line, k) => k > 0 && (line.trim() === '---' || line.trim() === '...'));
  return end > 0 ? lines.slice(end + 1).join('\n') : markdown;
};

/** Inline tokens → plain text. */
function inline(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'br':
          return '\n';
        case 'image':
          return (token as Tokens.Image).text;
        case 'html':
          return /^<br\s*\/?>$/i.test(token.raw.trim()) ? '\n' : '';
        case 'codespan':
          return (token as Tokens.Codespan).text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        case 'escape':
          return (token as Tokens.Escape).text;
        case 'text':
          return 'tokens' in token && token.tokens ? inline(token.tokens) : decode((token as Tokens.Text).text);
        default:
          return 'tokens' in token && Array.isArray(token.tokens) ? inline(token.tokens as Token[]) : decode('text' in token ? String(token.text) : '');
      }
    })
    .join('');
}

/** marked escapes `&<>"'` in text tokens: back to characters. */
const decode = (text: string) =>
  text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? _);

export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const t = token as Tokens.Heading;
          blocks.push({ kind: 'heading', level: t.depth, text: inline(t.tokens, t.text) });
          break;
        }
        case 'paragraph':
          blocks.push({ kind: 'paragraph', text: inline((token as Tokens.Paragraph).tokens) });
          break;
        case 'text':
          blocks.push({ kind: 'paragraph', text: inline((token as Tokens.Text).tokens, decode((token as Tokens.Text).text)) });
          break;
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens);
          break;
        case 'list': {
          const list = token as Tokens.List;
          const first = typeof list.start === 'number' ? list.start : 1;
          list.items.forEach((item, k) => {
            const before = blocks.length;
            walk(item.tokens);
            const head = blocks[before];
            if (list.ordered && head && head.kind === 'paragraph') head.text = `${first + k}. ${head.text}`;
          });
          break;
        }
        case 'table': {
          const table = token as Tokens.Table;
          const row = (cells: readonly Tokens.TableCell[]) => cells.map((c) => inline(c.tokens, c.text).trim()).filter((c) => c !== '').join('\t');
          blocks.push({ kind: 'paragraph', text: row(table.header) });
          for (const r of table.rows) blocks.push({ kind: 'paragraph', text: row(r) });
          break;
        }
        case 'code':
          blocks.push({ kind: 'paragraph', text: (token as Tokens.Code).text });
          break;
        case 'html':
          // Raw HTML blocks: their text, tags dropped (nothing is interpreted).
          blocks.push({ kind: 'paragraph', text: token.raw.replace(/<[^>]*>/g, '') });
          break;
        default:
          break; // space, hr, def
      }
    }
  };
  walk(new Lexer({ gfm: true }).lex(stripFrontMatter(markdown)));
  return blocks.filter((b) => b.text.trim() !== '');
}
