/**
 * The open document's annotations, kept in step with main: every change goes to main first and
 * the view main returns (with its anchor) replaces the local one.
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  AnnotationColor,
  AnnotationKind,
  AnnotationSelection,
  AnnotationsProblem,
  AnnotationView,
  ExportFormat,
  ImportReport,
} from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';

export interface AnnotationsState {
  annotations: AnnotationView[];
  problem: AnnotationsProblem | undefined;
  loaded: boolean;
  create(selection: AnnotationSelection, fields: { kind: AnnotationKind; color: AnnotationColor; note?: string; tags?: string[] }): Promise<AnnotationView>;
  update(id: string, fields: { kind?: AnnotationKind; color?: AnnotationColor; note?: string; tags?: string[]; selection?: AnnotationSelection }): Promise<AnnotationView>;
  remove(id: string): Promise<AnnotationView>;
  /** Brings a deleted annotation back (undo). */
  restore(id: string): Promise<AnnotationView>;
  exportAs(format: ExportFormat): Promise<{ saved: boolean; path?: string }>;
  importJsonLd(content: string): Promise<ImportReport>;
}

const byCreation = (a: AnnotationView, b: AnnotationView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export function useAnnotations(documentId: string): AnnotationsState {
  const [annotations, setAnnotations] = useState<AnnotationView[]>([]);
  const [problem, setProblem] = useState<AnnotationsProblem | undefined>();
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    const list = await expectOk(getApi().listAnnotations({ documentId }));
    setAnnotations([...list.annotations].sort(byCreation));
    setProblem(list.problem);
    setLoaded(true);
  }, [documentId]);

  // The notes are set when their answer arrives, not synchronously in the effect.
  useEffect(() => {
    // oxlint-disable-next-line react/set-state-in-effect
    void reload().catch(() => setLoaded(true));
  }, [reload]);

  const put = (view: AnnotationView) =>
    setAnnotations((list) => [...list.filter((a) => a.id !== view.id), view].sort(byCreation));

  return {
    annotations,
    problem,
    loaded,
    async create(selection, fields) {
      const view = await expectOk(getApi().createAnnotation({ documentId, selection, ...fields }));
      put(view);
      return view;
    },
    async update(id, fields) {
      const view = await expectOk(getApi().updateAnnotation({ documentId, id, ...fields }));
      put(view);
      return view;
    },
    async remove(id) {
      const view = await expectOk(getApi().deleteAnnotation({ documentId, id }));
      setAnnotations((list) => list.filter((a) => a.id !== id));
      return view;
    },
    async restore(id) {
      const view = await expectOk(getApi().restoreAnnotation({ documentId, id }));
      put(view);
      return view;
    },
    exportAs: (format) => expectOk(getApi().exportAnnotations({ documentId, format })),
    async importJsonLd(content) {
      const report = await expectOk(getApi().importAnnotations({ documentId, content }));
      await reload();
      return report;
    },
  };
}
