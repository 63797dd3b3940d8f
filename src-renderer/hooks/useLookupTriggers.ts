import { useEffect } from 'react';
import { lookUpDoubleClicked } from '../reader/lookup';
import type { ReaderController } from '../reader/controller';

/** Double-clicking a word of either column looks it up in the reader's dictionaries. */
export function useLookupTriggers(app: ReaderController): void {
  useEffect(() => {
    const onDoubleClick = (event: MouseEvent) => lookUpDoubleClicked(app, event);
    const reader = document.getElementById('reader');
    reader?.addEventListener('dblclick', onDoubleClick);
    return () => reader?.removeEventListener('dblclick', onDoubleClick);
  }, [app]);
}
