import { describe, expect, it } from 'vitest';
import { errnoError } from '../testing/fs-faults';
import { StartupError, type StartupShell, describeStartupFailure, reportStartupFailure, startupStep } from './startup-failure';

const APP = 'Bitext Reader';
const DATA = '/home/reader/.config/Bitext Reader';
const SETTINGS = `${DATA}/settings.json`;

async function failedStep(step: 'settings' | 'data' | 'window', paths: string[], cause: unknown): Promise<unknown> {
  try {
    await startupStep(step, paths, async () => {
      throw cause;
    });
  } catch (error) {
    return error;
  }
  throw new Error('the step did not fail');
}

describe('describeStartupFailure', () => {
  it('names the problem, the step and every path involved, in English', async () => {
    const error = await failedStep('settings', [SETTINGS], errnoError('EACCES', 'open', SETTINGS));
    const message = describeStartupFailure(error, { appName: APP, systemLanguages: ['en-GB'], userDataDir: DATA });
    expect(message.language).toBe('en');
    expect(message.title).toBe('Bitext Reader could not start');
    expect(message.paths).toEqual([SETTINGS, DATA]);
    expect(message.content).toBe(
      [
        'Bitext Reader could not start: it is not allowed to read or write a file it needs.',
        '',
        'While reading the settings:',
        `    ${SETTINGS}`,
        `    ${DATA}`,
        '',
        'Nothing of your data was changed. Check that the folder exists, that the disk is not full and that you may read and write there, then start Bitext Reader again.',
        'To use another data folder, start Bitext Reader with --user-data <folder>.',
        '',
        `Technical details: EACCES: injected fault, open '${SETTINGS}'`,
      ].join('\n'),
    );
  });

  it('speaks Russian on a Russian system', async () => {
    const error = await failedStep('data', [DATA], errnoError('EROFS', 'mkdir', `${DATA}/annotations`));
    const message = describeStartupFailure(error, { appName: APP, systemLanguages: ['ru-RU', 'en-US'], userDataDir: DATA });
    expect(message.language).toBe('ru');
    expect(message.title).toBe('Не удалось запустить Bitext Reader');
    expect(message.content).toContain('Не удалось запустить Bitext Reader: папка данных находится на диске, доступном только для чтения.');
    expect(message.content).toContain('При открытии папки данных:');
    expect(message.content).toContain(`    ${DATA}/annotations`);
    expect(message.content).toContain('--user-data <папка>');
    expect(message.paths).toEqual([`${DATA}/annotations`, DATA]);
  });

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EPERM', 'it is not allowed to read or write a file it needs'],
    ['ENOTDIR', 'a folder is where a file should be, or a file where a folder should be'],
    ['EIO', 'the disk could not be read'],
    ['EMFILE', 'too many files are open'],
    ['EWHATEVER', 'something unexpected went wrong'],
  ])('explains %s in words', (code, words) => {
    const message = describeStartupFailure(errnoError(code, 'open', '/x'), { appName: APP, systemLanguages: ['en'] });
    expect(message.content.split('\n')[0]).toBe(`Bitext Reader could not start: ${words}.`);
  });

  it('names both paths of a failed rename', () => {
    const error = Object.assign(errnoError('EACCES', 'rename', SETTINGS), { dest: `${SETTINGS}.corrupt-1` });
    const message = describeStartupFailure(error, { appName: APP, systemLanguages: ['en'], userDataDir: DATA });
    expect(message.paths).toEqual([SETTINGS, `${SETTINGS}.corrupt-1`, DATA]);
    expect(message.content).toContain('Files and folders involved:');
  });

  it('a window that cannot load the reader says so', async () => {
    const error = await failedStep('window', ['/opt/bitext/resources/app.asar/out/renderer'], new Error('ERR_FILE_NOT_FOUND (-6) loading app://bitext/index.html'));
    const message = describeStartupFailure(error, { appName: APP, systemLanguages: ['en'], userDataDir: DATA });
    expect(message.content.split('\n')[0]).toBe('Bitext Reader could not start: its window could not load the reader.');
    expect(message.content).toContain('While opening the window:\n    /opt/bitext/resources/app.asar/out/renderer');
    expect(message.content).toContain('Technical details: ERR_FILE_NOT_FOUND (-6) loading app://bitext/index.html');
  });

  it('an error that is not an Error, or holds control characters, still gives a clean message', () => {
    const message = describeStartupFailure('boom\u0000\u001b[31m', { appName: APP, systemLanguages: [] });
    expect(message.language).toBe('en');
    expect(message.content).toContain('something unexpected went wrong');
    expect(message.content).toContain('Technical details: boom??[31m');
    expect(message.paths).toEqual([]);
  });

  it('an application error code is not taken for a system one', () => {
    const error = Object.assign(new Error('bad'), { code: 'io-error' });
    const message = describeStartupFailure(new StartupError('data', [DATA], { cause: error }), { appName: APP, systemLanguages: ['en'] });
    expect(message.content.split('\n')[0]).toBe('Bitext Reader could not start: something unexpected went wrong.');
  });
});

describe('startupStep', () => {
  it('passes a value through and keeps the first step that failed', async () => {
    expect(await startupStep('data', [DATA], async () => 7)).toBe(7);
    const inner = await failedStep('settings', [SETTINGS], new Error('x'));
    const outer = await failedStep('data', [DATA], inner);
    expect(outer).toBe(inner);
    expect(outer).toMatchObject({ step: 'settings', paths: [SETTINGS] });
  });
});

describe('reportStartupFailure', () => {
  function shell(failing: Array<keyof StartupShell> = []) {
    const calls: string[] = [];
    const fake: StartupShell = {
      closeWindows: () => step('closeWindows'),
      showError: (title, content) => step('showError', `${title}|${content.split('\n')[0]}`),
      releaseLock: () => step('releaseLock'),
      exit: (code) => step('exit', String(code)),
      log: () => step('log'),
    };
    function step(name: keyof StartupShell, detail?: string) {
      calls.push(detail ? `${name}:${detail}` : name);
      if (failing.includes(name)) throw new Error(`${name} failed`);
    }
    return { fake, calls };
  }

  it('logs, closes windows, shows the message, releases the lock and exits with 1, in that order', async () => {
    const { fake, calls } = shell();
    const error = await failedStep('settings', [SETTINGS], errnoError('EACCES', 'open', SETTINGS));
    reportStartupFailure(error, { appName: APP, systemLanguages: ['en'], userDataDir: DATA }, fake);
    expect(calls).toEqual([
      'log',
      'closeWindows',
      'showError:Bitext Reader could not start|Bitext Reader could not start: it is not allowed to read or write a file it needs.',
      'releaseLock',
      'exit:1',
    ]);
  });

  it('still releases the lock and exits when the dialog itself fails', () => {
    const { fake, calls } = shell(['log', 'closeWindows', 'showError']);
    reportStartupFailure(new Error('x'), { appName: APP, systemLanguages: ['ru'] }, fake);
    expect(calls.slice(-2)).toEqual(['releaseLock', 'exit:1']);
  });
});
