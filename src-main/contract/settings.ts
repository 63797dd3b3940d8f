/** The reader's settings as the renderer sees and changes them. */
import { z } from 'zod';
import { LANGS, LAYOUTS, LINE_SPACINGS, THEMES, type UiLanguage } from './enums';
import { FONT_STEPS } from './limits';

/** How the reader likes to read; remembered between sessions. */
export const readerPrefsSchema = z.object({
  theme: z.enum(THEMES),
  layout: z.enum(LAYOUTS),
  /** The language shown in the one-language layout. */
  singleLang: z.enum(LANGS),
  /** Russian on the left, English on the right. */
  swapped: z.boolean(),
  /** Text size in steps from the default (0), -3..+6. */
  fontStep: z.number().int().min(FONT_STEPS.min).max(FONT_STEPS.max),
  lineSpacing: z.enum(LINE_SPACINGS),
});
export type ReaderPrefs = z.infer<typeof readerPrefsSchema>;

export const DEFAULT_READER_PREFS: ReaderPrefs = {
  theme: 'system',
  layout: 'side-by-side',
  singleLang: 'en',
  swapped: false,
  fontStep: 0,
  lineSpacing: 'normal',
};

export interface SettingsView {
  /** The language the UI shows now. */
  uiLanguage: UiLanguage;
  /** `user` once the reader chose a language; until then it follows the system. */
  uiLanguageSource: 'system' | 'user';
  reader: ReaderPrefs;
  /** The document read most recently (it reopens at start), if any. */
  lastDocumentId: string | null;
  /** Set when the settings file could not be used as it was at start (the reader is told once). */
  notice?: SettingsNotice;
}

/**
 * What happened to a settings file that could not be used. `moved-aside`: it did not parse and was
 * kept under another name (`movedTo`); `unreadable`: it could not be read at all (permissions, a
 * folder in its place); `not-moved`: it did not parse and could not be moved aside (a read-only
 * folder). In the last two the file is left untouched and changes last for this session only.
 */
export interface SettingsNotice {
  kind: 'moved-aside' | 'unreadable' | 'not-moved';
  file: string;
  movedTo?: string;
  restoredFrom: 'backup' | 'nothing';
  /** The system's reason (`EACCES`, `EROFS`…), when there was one. */
  reason?: string;
  /** `false`: changes are not saved to disk this session. */
  saving: boolean;
}

export interface ReadingPosition {
  /** The row at the top of the window when the reader left the document. */
  rowId: string | null;
}
