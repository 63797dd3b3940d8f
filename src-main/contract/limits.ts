/**
 * The numeric limits both sides need: the renderer checks them before it sends, main holds every
 * payload to them. No zod here, so the renderer can use them without carrying the schemas.
 */

/** Text size in steps from the default (0). */
export const FONT_STEPS = { min: -3, max: 6 } as const;

export const IMPORT_LIMITS = {
  /** The largest file imported. The renderer should check `File.size` before reading it. */
  maxFileBytes: 50 * 1024 * 1024,
} as const;

/**
 * What comes in from outside (IPC, import) is held to these limits. Stored annotations are checked
 * for their shape only: a file is never refused for a long note.
 */
export const LIMITS = {
  note: 100_000,
  tags: 50,
  tag: 100,
  quote: 10_000,
  /** 32 code points either side, so at most 64 UTF-16 units; some slack for other tools. */
  context: 256,
  /** An import's content, in characters. */
  importContent: 5_000_000,
  /** Annotations in one import. */
  importItems: 20_000,
} as const;
