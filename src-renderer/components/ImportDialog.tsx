import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_LIMITS,
  type ImportCheck,
  type ImportJobStatus,
  type ImportMode as Mode,
} from '../../src-main/contract/ipc';
import { ApiError, expectOk, getApi } from '../api';
import { type DetailValues, NO_DETAILS, detailsOf, suggestDetails } from '../details';
import { DetailsFields } from './DetailsFields';
import { Dialog } from './Dialog';
import { importErrorText, importWarningText } from '../import-messages';
import { FormFooter } from './FormFooter';

const BILINGUAL = /\.(tmx|tsv)$/i;
const ACCEPT_TEXT = '.txt,.md,.markdown,.html,.htm,.docx,.odt,.epub,.fb2,.zip,.pdf,.srt,.vtt,text/plain,text/markdown,text/html';

/**
 * A file dropped on the library is put into its field, which then names it as if it had been
 * chosen there (the name shown once, by the field; a screen reader hears it too).
 */
function showChosen(input: HTMLInputElement | null, file: File | undefined): void {
  if (!input || !file || input.files?.[0] === file) return;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
}

/** Bring a pair of texts (or one bilingual file) into the library: check, name, align. */
export function ImportDialog({
  initialFiles,
  onImported,
  onClose,
  onStopped,
}: {
  initialFiles: File[];
  onImported: (id: string) => void;
  onClose: () => void;
  /** A running import was stopped on close (Esc, ×, *Stop the import*) and nothing was kept. */
  onStopped?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>(initialFiles.length === 1 && BILINGUAL.test(initialFiles[0]!.name) ? 'bilingual' : 'pair');
  const [files, setFiles] = useState<Array<File | undefined>>(initialFiles.length === 1 && BILINGUAL.test(initialFiles[0]!.name) ? [initialFiles[0]] : [initialFiles[0], initialFiles[1]]);
  const [check, setCheck] = useState<ImportCheck | undefined>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [titleEn, setTitleEn] = useState('');
  const [titleRu, setTitleRu] = useState('');
  const [swap, setSwap] = useState(false);
  const [details, setDetails] = useState<DetailValues>(NO_DETAILS);
  const [job, setJob] = useState<ImportJobStatus | undefined>();
  const pendingRef = useRef<string | undefined>(undefined);
  // An import that failed is said until the next try; the files are checked again (main let go of
  // the checked pair when the import started), keeping the titles and details the reader typed.
  const [failure, setFailure] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const keepEditsRef = useRef(false);

  // A refusal is said once, in the reader's language, from its message key and values.
  const errorText = (e: unknown) => importErrorText(t, i18n.language, e);

  const needed = mode === 'pair' ? 2 : 1;
  const chosen = files.slice(0, needed).filter((f): f is File => f !== undefined);

  // Check the files as soon as they are all chosen.
  useEffect(() => {
    setCheck(undefined);
    setError(undefined);
    const keepEdits = keepEditsRef.current;
    keepEditsRef.current = false;
    if (chosen.length < needed) return;
    const tooLarge = chosen.find((f) => f.size > IMPORT_LIMITS.maxFileBytes);
    if (tooLarge) {
      setError(t('importErrors.too-large', { file: tooLarge.name, size: Math.ceil(tooLarge.size / 2 ** 20), max: IMPORT_LIMITS.maxFileBytes / 2 ** 20 }));
      return;
    }
    let cancelled = false;
    setChecking(true);
    (async () => {
      // The bytes as they are: main hands them to the import worker, which reads them.
      const payload = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const result = await expectOk(getApi().prepareImport({ files: payload }));
      if (cancelled) return void getApi().discardImport({ pendingId: result.pendingId });
      pendingRef.current = result.pendingId;
      setCheck(result);
      if (keepEdits) return;
      setTitleEn(result.suggestedTitle.en);
      setTitleRu(result.suggestedTitle.ru);
      setSwap(result.language.suggestion === 'swap');
      setDetails(suggestDetails(result.language.suggestion === 'swap' ? [...result.files].reverse() : result.files));
    })()
      .catch((e: unknown) => !cancelled && setError(errorText(e)))
      .finally(() => !cancelled && setChecking(false));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, attempt, ...files]);

  // Follow the import job until it ends (polling works in the app and in the harness alike).
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = window.setTimeout(() => {
      expectOk(getApi().importStatus({ jobId: job.jobId })).then(setJob, (e: unknown) => setError(errorText(e)));
    }, 250);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job]);
  useEffect(() => {
    if (job?.state === 'done' && job.documentId) onImported(job.documentId);
    if (job?.state === 'failed') {
      setFailure(errorText(new ApiError(job.error?.code ?? 'internal', job.error?.message ?? '', job.error?.details)));
      // The fields open again and the pair is checked anew, so that Import can be pressed again.
      setJob(undefined);
      pendingRef.current = undefined;
      keepEditsRef.current = true;
      setAttempt((n) => n + 1);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.state]);

  // While the import runs its fields are disabled: the focus goes to the button that stops it.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (job?.state === 'running') formRef.current?.querySelector<HTMLButtonElement>('.editor-actions button[type="button"]')?.focus();
  }, [job?.jobId, job?.state]);

  const close = () => {
    // Said once main has stopped it (an import that had just finished is kept, and not said stopped).
    if (job?.state === 'running')
      expectOk(getApi().cancelImport({ jobId: job.jobId })).then(
        (status) => status.state !== 'done' && onStopped?.(),
        () => undefined,
      );
    if (pendingRef.current && !job) void getApi().discardImport({ pendingId: pendingRef.current });
    onClose();
  };

  const fileInput = (index: number, label: string, accept: string) => (
    <label className="editor-field">
      <span>{label}</span>
      <input
        type="file"
        accept={accept}
        disabled={!!job}
        ref={(el) => showChosen(el, files[index])}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setFailure(undefined);
          setFiles((current) => {
            const next = [...current];
            next[index] = file;
            return next;
          });
        }}
      />
    </label>
  );

  const verdict = check?.language;
  return (
    <Dialog title={t('import.title')} onClose={close} className="import-dialog">
      <form
        ref={formRef}
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!check) return;
          setError(undefined);
          setFailure(undefined);
          expectOk(getApi().startImport({ pendingId: check.pendingId, title: { en: titleEn.trim() || check.suggestedTitle.en, ru: titleRu.trim() || check.suggestedTitle.ru }, swap, details: detailsOf(details) }))
            .then(setJob)
            .catch((err: unknown) => setError(errorText(err)));
        }}
      >
        <fieldset className="import-mode" disabled={!!job}>
          <legend>{t('import.what')}</legend>
          <label className="editor-check">
            <input type="radio" name="mode" checked={mode === 'pair'} onChange={() => setMode('pair')} />
            <span>{t('import.pair')}</span>
          </label>
          <label className="editor-check">
            <input type="radio" name="mode" checked={mode === 'bilingual'} onChange={() => setMode('bilingual')} />
            <span>{t('import.bilingual')}</span>
          </label>
        </fieldset>
        {mode === 'pair' ? (
          <>
            {fileInput(0, t('import.englishFile'), ACCEPT_TEXT)}
            {fileInput(1, t('import.russianFile'), ACCEPT_TEXT)}
          </>
        ) : (
          fileInput(0, t('import.bilingualFile'), '.tmx,.tsv')
        )}
        <p className="panel-hint">{t('import.formats')}</p>
        {checking && <p role="status">{t('import.checking')}</p>}
        {check && (
          <div className="import-check">
            <ul className="import-files">
              {check.files.map((f, i) => (
                <li key={f.name}>
                  {/* Named by its field (whose file name shows there): the name is said once. */}
                  <strong>{check.bilingual ? t('import.bilingualFile') : i === 0 ? t('import.englishFile') : t('import.russianFile')}</strong>: {f.format.toUpperCase()}, {f.encoding}, {t('import.paragraphs', { count: f.paragraphs })}
                  {(f.notices ?? []).map((w) => (
                    <span key={w.code} className="import-warning">
                      {' '}
                      ⚠ {importWarningText(t, w)}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            {verdict && verdict.status !== 'ok' && (
              <div className="import-verdict" role="alert">
                <p>{t(`import.verdict.${verdict.status}`)}</p>
                {verdict.suggestion === 'swap' && (
                  <label className="editor-check">
                    <input
                      type="checkbox"
                      checked={swap}
                      onChange={(e) => {
                        setSwap(e.target.checked);
                        // The details are suggested again from the files the right way round.
                        setDetails(suggestDetails(e.target.checked ? [...check.files].reverse() : check.files));
                      }}
                    />
                    <span>{t('import.swap')}</span>
                  </label>
                )}
              </div>
            )}
            <label className="editor-field">
              <span>{t('library.titleEn')}</span>
              <input value={titleEn} lang="en" disabled={!!job} onChange={(e) => setTitleEn(e.target.value)} />
            </label>
            <label className="editor-field">
              <span>{t('library.titleRu')}</span>
              <input value={titleRu} lang="ru" disabled={!!job} onChange={(e) => setTitleRu(e.target.value)} />
            </label>
            <DetailsFields values={details} onChange={setDetails} disabled={!!job} />
          </div>
        )}
        {job && job.state === 'running' && (
          <div className="import-progress">
            <progress max={1} value={job.progress} aria-label={t('import.progress')} />
            <span role="status">{t(`import.phases.${job.phase}`)}</span>
          </div>
        )}
        <FormFooter
          error={error ?? failure}
          onCancel={close}
          cancelLabel={job?.state === 'running' ? t('import.cancel') : t('common.cancel')}
          submitLabel={t('import.start')}
          submitDisabled={!check || !!job}
        />
      </form>
    </Dialog>
  );
}

