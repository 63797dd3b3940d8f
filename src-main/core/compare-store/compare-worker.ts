/**
 * The worker thread that compares a document (word model, links, checks), so that a long text never
 * freezes the main process. Started by `runner.ts` ahead of need: it loads its code and the lexicon,
 * posts `{ type: 'ready' }` and waits for one `start` command (`CompareWorkerCommand`), then:
 *  - alone: runs `analyseDocumentPacked` (`analyseDocument` with the links packed as they are made) and posts `{ type: 'done', body }` (the findings, and the links
 *    packed in transferred typed arrays: `packLinks`);
 *  - as one of two parts (`part` 0 or 1, with a `peer` port to the other part): runs `analysePart`
 *    (each trains the whole word model); part 1 sends its renderings to part 0, which adds the
 *    findings about renderings; each posts `{ type: 'part', body }`.
 * Progress is posted as `{ type: 'progress' }`; a failure as `{ type: 'error' }`. Each worker runs one
 * comparison and is then terminated (nothing carries over from one comparison to the next).
 * Cancelling terminates the thread.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { shippedLexicon } from '../align/lexicon';
import { type PackedLinks, analyseDocumentPacked, analysePart, packLinks } from '../compare/analyse';
import { type Finding, type Renderings, mergeRenderings, renderingFindings } from '../compare/checks';
import { type StemIndex, stemIndexBuffers } from '../compare/stem-index';
import { loadWordModelKernel } from '../compare/word-model';
import type { Lang } from '../model';
import type { CompareInput } from './runner';

/**
 * What main sends: `start` (the glossary, how many rows will come, and for a part its number and
 * peer port), then the rows in chunks (`ROW_CHUNK` at a time, so that main is never busy long
 * copying them).
 */
export type CompareWorkerCommand =
  | { type: 'start'; glossary: CompareInput['glossary']; rowCount: number }
  | { type: 'start'; glossary: CompareInput['glossary']; rowCount: number; part: 0 | 1; peer: MessagePort }
  | { type: 'rows'; rows: CompareInput['rows'] };

/** Rows a `rows` command carries at most. */
export const ROW_CHUNK = 500;

export type CompareWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; phase: 'training' | 'linking' | 'checking'; progress: number }
  | { type: 'done'; body: { findings: Finding[]; links: PackedLinks; stems: Record<Lang, StemIndex> } }
  /** A part's rows `from` to `to`: their findings and links; part 0 adds the findings about renderings (`extra`) and the stem index of every row. */
  | { type: 'part'; part: 0 | 1; body: { from: number; to: number; findings: Finding[]; extra: Finding[]; links: PackedLinks; stems?: Record<Lang, StemIndex> } }
  | { type: 'error'; message: string };

/** What the two parts send each other. */
type PeerMessage = { type: 'renderings'; renderings: Renderings };

/** The peer's messages by type, whether they came before they were awaited or after. */
function inbox(peer: MessagePort): <T extends PeerMessage['type']>(type: T) => Promise<Extract<PeerMessage, { type: T }>> {
  const arrived = new Map<string, PeerMessage>();
  const waiting = new Map<string, (message: PeerMessage) => void>();
  peer.on('message', (message: PeerMessage) => {
    const wake = waiting.get(message.type);
    if (wake) {
      waiting.delete(message.type);
      wake(message);
    } else arrived.set(message.type, message);
  });
  return <T extends PeerMessage['type']>(type: T) =>
    new Promise<Extract<PeerMessage, { type: T }>>((resolve) => {
      const early = arrived.get(type);
      if (early) {
        arrived.delete(type);
        resolve(early as Extract<PeerMessage, { type: T }>);
      } else waiting.set(type, (message) => resolve(message as Extract<PeerMessage, { type: T }>));
    });
}

const indexBuffers = (stems: Record<Lang, StemIndex> | undefined): ArrayBuffer[] => (stems ? [...stemIndexBuffers(stems.en), ...stemIndexBuffers(stems.ru)] : []);
const buffers = (packed: PackedLinks): ArrayBuffer[] => [packed.offsets.buffer, packed.classes.buffer, packed.spans.buffer, packed.scores.buffer];

type StartCommand = Extract<CompareWorkerCommand, { type: 'start' }>;

async function run(port: MessagePort, command: StartCommand, input: CompareInput): Promise<void> {
  const post = (message: CompareWorkerMessage) => port.postMessage(message);
  const onProgress = (phase: 'training' | 'linking' | 'checking', progress: number) => post({ type: 'progress', phase, progress });
  if (!('part' in command)) {
    // The links packed as they are made; they travel as typed arrays whose buffers are handed over, not copied.
    const { findings, links: packed, stems } = analyseDocumentPacked(input.rows, { glossary: input.glossary, onProgress, stemIndex: true });
    port.postMessage({ type: 'done', body: { findings, links: packed, stems: stems! } } satisfies CompareWorkerMessage, [...buffers(packed), ...indexBuffers(stems)]);
    return;
  }
  const { part, peer } = command;
  const next = inbox(peer);
  const sent = (message: PeerMessage) => peer.postMessage(message, []);
  const result = analysePart(input.rows, { part }, { glossary: input.glossary, onProgress, stemIndex: part === 0 });
  let extra: Finding[] = [];
  if (part === 1) sent({ type: 'renderings', renderings: result.renderings });
  else extra = renderingFindings(mergeRenderings(result.renderings, (await next('renderings')).renderings));
  // The peer port stays open (closing it could drop a message still on its way); the runner
  // terminates both workers once it has both parts.
  const packed = packLinks(result.links);
  const body = { from: result.from, to: result.to, findings: result.findings, extra, links: packed, ...(result.stems ? { stems: result.stems } : {}) };
  port.postMessage({ type: 'part', part, body } satisfies CompareWorkerMessage, [...buffers(packed), ...indexBuffers(result.stems)]);
}

const port = parentPort;
if (port) {
  // Ready before it is needed: the code loaded, the lexicon parsed and the word model's WebAssembly compiled.
  shippedLexicon();
  loadWordModelKernel();
  let start: StartCommand | undefined;
  const rows: CompareInput['rows'] = [];
  const fail = (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies CompareWorkerMessage);
  const begin = () => {
    if (!start || rows.length < start.rowCount) return;
    port.removeAllListeners('message');
    run(port, start, { rows, glossary: start.glossary }).catch(fail);
  };
  port.on('message', (command: CompareWorkerCommand) => {
    if (command.type === 'start') start = command;
    else for (const row of command.rows) rows.push(row);
    begin();
  });
  port.postMessage({ type: 'ready' } satisfies CompareWorkerMessage);
}
