/**
 * The one IPC contract between the main process and the renderer: the entry that re-exports its
 * parts. The contract is the bottom layer: it imports nothing of the project (zod only; a test,
 * `src-main/layers.test.ts`, keeps it so), and the models it carries live here.
 *
 * - `enums.ts`: every closed set of values, once, as a const array (types and `z.enum` from it);
 * - `limits.ts`: the numeric limits both sides check;
 * - `ids.ts`: the document, row, clause and annotation id rules;
 * - `document.ts`, `annotations.ts`, `settings.ts`, `library.ts`: the models that cross processes;
 * - `requests.ts`: the zod schema of every request, the one source of the request types;
 * - `channels.ts`: every channel with its response type, the events, the preload's API and
 *   `buildApi`, which the preload and the harness bridge both use;
 * - `actions.ts`: the reader's actions, shared with the application menu;
 * - `details.ts`: a document's details (author, date, source, translator).
 */
export type { ActionId } from './actions';
export * from './annotations';
export * from './channels';
export * from './compare';
export * from './details';
export * from './dictionaries';
export * from './document';
export * from './enums';
export * from './ids';
export * from './library';
export * from './limits';
export * from './requests';
export * from './settings';
