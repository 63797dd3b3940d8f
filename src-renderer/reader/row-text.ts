/**
 * The translation function the rows use, handed down once by the reading screen. A row of a book
 * mounts and unmounts as it scrolls by: `useTranslation` in each (react-i18next copies the i18n
 * instance for every new user and subscribes it to language changes) cost more than drawing the
 * row. The screen's own `t` changes when the language does, so the rows still follow it.
 */
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';

const keyOnly = ((key: string) => key) as unknown as TFunction;

export const RowTextContext = createContext<TFunction>(keyOnly);

export function useRowT(): TFunction {
  return useContext(RowTextContext);
}
