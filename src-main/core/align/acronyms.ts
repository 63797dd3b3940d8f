/**
 * English acronyms and their usual Russian counterparts: lexical anchors that survive translation.
 * Data only. One Russian form may answer several English ones (ММСП: IHR and MSMEs).
 */
export const ACRONYMS_EN_RU: ReadonlyArray<readonly [en: string, ru: string]> = [
  ['WHO', 'ВОЗ'],
  ['UN', 'ООН'],
  ['EAS', 'ВАС'],
  ['ADMM', 'СМОА'],
  ['ARF', 'АРФ'],
  ['WTO', 'ВТО'],
  ['WCO', 'ВТамО'],
  ['PPP', 'ГЧП'],
  ['MSMEs', 'ММСП'],
  ['ICTs', 'ИКТ'],
  ['ASEAN', 'АСЕАН'],
  ['IHR', 'ММСП'],
];
