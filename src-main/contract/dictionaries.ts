/** Offline dictionaries (dictd and StarDict) the reader adds, and lookups in them. */
import { z } from 'zod';
import { LANGS, type DictionaryFormat, type Lang } from './enums';
import { importFileBytesSchema } from './library';

/** Dictionaries are named by main: `d-` and 16 hex digits. */

export const DICTIONARY_LIMITS = {
  /** The longest word or phrase looked up, in characters. */
  word: 200,
  /** Entries in one answer. */
  entries: 30,
  /** A definition is cut after this many characters (with `truncated`). */
  definition: 20_000,
  /** The largest file of a dictionary added through a path (the open dialog). */
  maxFileBytes: 512 * 1024 * 1024,
} as const;

export const addDictionaryRequestSchema = z
  .object({
    /** The dictionary's files: `.ifo` + `.idx` (or `.idx.gz`) + `.dict` or `.dict.dz` (+ `.syn`), or `.index` + `.dict` or `.dict.dz`. */
    files: z.array(importFileBytesSchema).min(1).max(5),
  })
  .strict();

export const lookupRequestSchema = z
  .object({
    word: z.string().min(1).max(DICTIONARY_LIMITS.word),
    /** The language of the text the word is in (the stemmer for a word of neither script). */
    lang: z.enum(LANGS),
  })
  .strict();

export interface DictionaryInfo {
  id: string;
  name: string;
  format: DictionaryFormat;
  /** Headwords (not counting synonyms). */
  entries: number;
  synonyms: number;
  /** The language of the headwords, from their script (`unknown` when mixed). */
  from: Lang | 'unknown';
  /** The files it was added from. */
  files: string[];
  /** ISO time. */
  addedAt: string;
  /** Set when its files could not be read: listed so that the reader can remove it. */
  problem?: string;
}

export type DictionaryChoice = { cancelled: true } | { cancelled: false; dictionary: DictionaryInfo };

/**
 * How an entry was found: the word itself, another word the dictionary lists for it (its .syn)
 * that is not a form of it, a base form (`books` → `book`, `книгами` → `книга`, or a form the
 * .syn lists: `measures` → `measure`), or the same stem.
 */
export const LOOKUP_MATCHES = ['exact', 'synonym', 'form', 'stem'] as const;
export type LookupMatch = (typeof LOOKUP_MATCHES)[number];

export interface LookupEntry {
  dictionaryId: string;
  dictionary: string;
  headword: string;
  /** Plain text (never markup), line breaks kept. */
  definition: string;
  truncated: boolean;
  match: LookupMatch;
}

export interface LookupResult {
  word: string;
  /** The word as looked up (lower case, `ё` → `е`, stress marks and outer punctuation dropped). */
  normalized: string;
  /** Best first: exact matches, then synonyms, forms and stems; dictionaries from the word's language first. */
  entries: LookupEntry[];
}
