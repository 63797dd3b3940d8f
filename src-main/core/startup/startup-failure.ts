/**
 * What the reader is told when the app cannot start, and what the app does then — decided here,
 * without Electron, so that it is tested under Node. The Electron glue (`electron/main.ts`) only
 * supplies a `StartupShell` (an error dialog, the single-instance lock, exit).
 *
 * The message names the problem in the reader's language (from the system's languages: the
 * settings may be what failed), the step that failed, every path involved, and what to do.
 */
import type { UiLanguage } from '../../contract/ipc';
import en from '../../../locales/en/startup.json';
import ru from '../../../locales/ru/startup.json';
import { uiLanguageFromSystem } from '../i18n/language';

type Strings = typeof en;
const STRINGS: Record<UiLanguage, Strings> = { en, ru };

export type StartupStep = 'settings' | 'data' | 'documents' | 'window';
type Problem = keyof Strings['problems'];

/** A failure of one start-up step, with the paths that step works on. */
export class StartupError extends Error {
  constructor(
    readonly step: StartupStep,
    readonly paths: readonly string[],
    options: { cause: unknown },
  ) {
    super(`Start-up step "${step}" failed: ${messageOf(options.cause)}`, options);
    this.name = 'StartupError';
  }
}

/** Runs one start-up step; a failure comes out as a `StartupError` naming the step and its paths. */
export async function startupStep<T>(step: StartupStep, paths: readonly string[], run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError(step, paths, { cause: error });
  }
}

export interface StartupContext {
  appName: string;
  /** The system's preferred languages, most preferred first (the message's language). */
  systemLanguages: readonly string[];
  /** The data folder in use, when known: always worth naming. */
  userDataDir?: string;
}

export interface StartupFailureMessage {
  language: UiLanguage;
  title: string;
  /** The dialog's text: the problem, the step and its paths, advice, technical details. */
  content: string;
  /** Every path named, most specific first. */
  paths: string[];
}

const PROBLEM_BY_CODE: Readonly<Record<string, Problem>> = {
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'readOnly',
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  ENOENT: 'missing',
  EISDIR: 'wrongKind',
  ENOTDIR: 'wrongKind',
  EEXIST: 'wrongKind',
  EIO: 'diskError',
  EMFILE: 'tooManyFiles',
  ENFILE: 'tooManyFiles',
};

const MAX_DETAILS = 600;

export function describeStartupFailure(error: unknown, context: StartupContext): StartupFailureMessage {
  const language = uiLanguageFromSystem(context.systemLanguages);
  const s = STRINGS[language];
  const chain = causeChain(error);
  const step = chain.find((e): e is StartupError => e instanceof StartupError);
  const system = chain.find(isSystemError);
  const code = system?.code;
  const problem: Problem =
    (code !== undefined && Object.hasOwn(PROBLEM_BY_CODE, code) ? PROBLEM_BY_CODE[code] : undefined) ??
    (step?.step === 'window' ? 'pageFailed' : 'unexpected');

  const paths = unique([
    ...(system?.path ? [system.path] : []),
    ...(typeof system?.dest === 'string' ? [system.dest] : []),
    ...(step?.paths ?? []),
    ...(context.userDataDir ? [context.userDataDir] : []),
  ]);
  const fill = (text: string, values: Record<string, string>) =>
    text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));
  const appName = context.appName;
  const innermost = chain.at(-1);
  const details = clean(messageOf(innermost)).slice(0, MAX_DETAILS);

  const lines = [
    fill(s.intro, { appName, problem: s.problems[problem] }),
    '',
    s.steps[step?.step ?? 'other'],
    ...paths.map((path) => `    ${clean(path)}`),
    '',
    fill(s.advice, { appName }),
    ...(context.userDataDir ? [fill(s.otherFolder, { appName })] : []),
    '',
    fill(s.details, { message: details }),
  ];
  return { language, title: fill(s.title, { appName }), content: lines.join('\n'), paths };
}

/** What the app can do about a failed start (Electron's dialog, lock and exit in the app). */
export interface StartupShell {
  /** Closes any window already opened (a half-started app must not stay on screen). */
  closeWindows(): void;
  showError(title: string, content: string): void;
  /** Lets the next start of the app run instead of handing over to this process. */
  releaseLock(): void;
  exit(code: number): void;
  /** Where the message also goes (stderr), for logs and for Linux before `ready`. */
  log(text: string): void;
}

/**
 * Reports a failed start and ends the process: the message is logged and shown, the single-instance
 * lock is released and the process exits with status 1 — each step even when the one before failed.
 */
export function reportStartupFailure(error: unknown, context: StartupContext, shell: StartupShell): StartupFailureMessage {
  let message: StartupFailureMessage;
  try {
    message = describeStartupFailure(error, context);
  } catch {
    message = { language: 'en', title: context.appName, content: clean(messageOf(error)), paths: [] };
  }
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      /* keep going: the lock must be released and the process must end */
    }
  };
  attempt(() => shell.log(`${message.title}\n${message.content}`));
  attempt(() => shell.closeWindows());
  attempt(() => shell.showError(message.title, message.content));
  attempt(() => shell.releaseLock());
  shell.exit(1);
  return message;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

/** Node's file errors; `dest` is the second path of a rename, link or copy. */
type SystemError = NodeJS.ErrnoException & { dest?: string };

function isSystemError(error: unknown): error is SystemError {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** No control characters (a path or message may hold anything) in a dialog's text. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter((item) => item.length > 0))];
}
