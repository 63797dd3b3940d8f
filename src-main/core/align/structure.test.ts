import { describe, expect, it } from 'vitest';
import { type AlignOptions, alignSequences, alignSequencesWithModel, anchorBalance } from './align';
import { ALL_CLAUSE_BEAD_SHAPES } from './cost';
import { type BeadEvidence, CALIBRATION, FEATURE_NAMES, boundaryEvidence, calibratedConfidence, endClass } from './confidence';
import { BREAKS_CLAUSE, BREAKS_CUT, CONTINUES_CLAUSE, CONTINUES_CUT, continuations, endsWithGluedHeading, foreignScript, listItems, startsListItem, startsWithGluedHeading } from './shape';
import { isUntranslated, sameText } from './untranslated';

const shapes = (beads: ReturnType<typeof alignSequences>): string[] => beads.map((bead) => `${bead.en.join('+') || '-'}:${bead.ru.join('+') || '-'}`);

describe('unit shapes', () => {
  it('tells a sentence broken with a capital after a comma or semicolon from one that runs on in lower case', () => {
    expect([...continuations(['Noting the report;', 'Welcoming the plan,', 'Have agreed as follows.', 'Article 1', 'отмечая доклад;', 'приветствуя план,', 'согласились о нижеследующем.'])]).toEqual([
      0,
      BREAKS_CLAUSE,
      BREAKS_CUT,
      0,
      0,
      CONTINUES_CLAUSE,
      CONTINUES_CUT,
      0,
    ]);
    // English capitalises "I" wherever it stands («я»): no sign of a break.
    expect([...continuations(['Come in,', 'I will give you tea.'])]).toEqual([0, 0, 0]);
  });

  it('finds list markers at the start and glued on inside', () => {
    expect(['3. Connect the cable.', '• the router;', 'б) имя пользователя;', '(Use only this one.)', '— Да, — сказал он.'].map(startsListItem)).toEqual([true, true, true, false, false]);
    expect(listItems('4. Первоначальная настройка 5. Настройки сети')).toBe(2);
    expect(listItems('Version 2.4.1 is out.')).toBe(0);
  });

  it('finds a heading glued onto the end of a line, not a numbered heading alone', () => {
    expect(endsWithGluedHeading('По окончании обновления маршрутизатор перезагрузится. 6. Устранение неполадок')).toBe(true);
    expect(endsWithGluedHeading('Устройства теряют связь. Гостевая сеть')).toBe(true);
    expect(endsWithGluedHeading('3. Connect the power')).toBe(false);
    expect(endsWithGluedHeading('Click Save to apply the settings.')).toBe(false);
  });

  it('finds a numbered heading glued onto the start of a sentence, not a list item naming a menu', () => {
    expect(startsWithGluedHeading('2. Настройка Snapkeep читает настройки из файла ~/.config/snapkeep/config.json.')).toBe(true);
    expect(startsWithGluedHeading('4. Listing and restoring The command snapkeep list shows all backups.')).toBe(true);
    expect(startsWithGluedHeading('1. Open Wireless > Basic.')).toBe(false);
    expect(startsWithGluedHeading('2. Turn off Smart Connect.')).toBe(false);
    expect(startsWithGluedHeading('2. Настройка')).toBe(false);
  });

  it('tells a line left in English in the Russian file', () => {
    expect(foreignScript('Copyright (c) 2019 Linkway Networks.', 'ru')).toBe(true);
    expect(foreignScript('• Стандарт: Wi-Fi 6 (802.11ax).', 'ru')).toBe(false);
    expect(sameText('The software is provided "as is".', 'The software is provided «as is».')).toBe(true);
    expect(isUntranslated('Use the adapter.', 'Используйте адаптер.')).toBe(false);
    expect(isUntranslated('2026-03-14 WAN link up, 1000 Mbit/s', '2026-03-14 WAN link up, 1000 Mbit/s')).toBe(true);
  });
});

const LIST_EN = ['The box contains:', '• the router;', '• a power adapter;', '• an Ethernet cable;', '• two antennas;', '• this manual.', 'Keep the box for transport.'];
const LIST_RU = ['В комплект входят:', '• маршрутизатор;', '• блок питания;', '• кабель Ethernet;', '• две антенны;', '• настоящее руководство.', 'Сохраните коробку для перевозки.'];

describe('lists, headings and untranslated lines', () => {
  it('pairs parallel list items one to one, not two by two', () => {
    expect(shapes(alignSequences(LIST_EN, LIST_RU))).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:5', '6:6']);
  });

  it('leaves a list item the translator skipped alone instead of joining it to a neighbour', () => {
    const ru = LIST_RU.filter((_, j) => j !== 3);
    const beads = shapes(alignSequences(LIST_EN, ru));
    expect(beads).toContain('3:-');
    expect(beads).toContain('4:3');
  });

  it('pairs a heading with the line its translation was glued onto', () => {
    const english = ['Firmware updates fix errors and close security holes.', 'The router restarts when the update is complete.', '6. Troubleshooting', 'Check that the cable from the modem is in the blue WAN port.'];
    const russian = [
      'Обновления микропрограммы исправляют ошибки и устраняют уязвимости.',
      'По окончании обновления маршрутизатор перезагрузится. 6. Устранение неполадок',
      'Убедитесь, что кабель от модема подключён к синему порту WAN.',
    ];
    expect(shapes(alignSequences(english, russian, { ratio: 1.15 }))).toEqual(['0:0', '1+2:1', '3:2']);
  });

  it('flags passages left in English as untranslated, one row each', () => {
    const english = ['The licences are reproduced below.', 'Copyright (c) 2019-2026 Linkway Networks and contributors.', 'The software is provided "as is", without warranty of any kind.', 'Linkway is a trademark.'];
    const russian = ['Лицензии приведены ниже.', english[1]!, english[2]!, 'Linkway является товарным знаком.'];
    const beads = alignSequences(english, russian, { ratio: 1.1 });
    expect(shapes(beads)).toEqual(['0:0', '1:1', '2:2', '3:3']);
    expect(beads.map((bead) => bead.untranslated === true)).toEqual([false, true, true, false]);
  });

  it('does not join a line left in English to a translated line when its counterpart is missing', () => {
    const english = ['The licences of its components are reproduced below in their original language.', 'Permission is hereby granted, free of charge, to any person obtaining a copy.'];
    const russian = ['Лицензии его компонентов приведены ниже на языке оригинала.', 'Copyright (c) 2019-2026 Linkway Networks and contributors.', english[1]!];
    expect(shapes(alignSequences(english, russian, { ratio: 1.1 }))).toEqual(['0:0', '-:1', '1:2']);
  });
});

describe('anchors one side holds far more often', () => {
  // A manual whose Russian keeps one line in English: every English word of that line ("the", "on",
  // "is") becomes an anchor that the translated rows' English holds and their Russian cannot.
  const pairs: [string, string][] = [
    ['The router has four network ports on the back and one on the side.', 'У маршрутизатора четыре сетевых порта сзади и один сбоку.'],
    ['The lights on the front show the state of the network and of the power.', 'Индикаторы на передней панели показывают состояние сети и питания.'],
    ['Press the button on the back for five seconds to restart the router.', 'Чтобы перезагрузить маршрутизатор, нажмите кнопку сзади на пять секунд.'],
    ['The router keeps its settings when the power is off.', 'Маршрутизатор сохраняет настройки, когда питание выключено.'],
    ['Open the settings page in a browser on the computer.', 'Откройте страницу настроек в браузере на компьютере.'],
    ['Enter the password printed on the label.', 'Введите пароль, напечатанный на наклейке.'],
    ['Choose a name for the wireless network.', 'Выберите имя беспроводной сети.'],
    ['The guest network gives visitors access to the Internet only.', 'Гостевая сеть даёт гостям доступ только в Интернет.'],
    ['Updates fix errors in the firmware.', 'Обновления исправляют ошибки микропрограммы.'],
    ['Do not switch off the router during the update.', 'Не выключайте маршрутизатор во время обновления.'],
  ];
  const en = pairs.map((p) => p[0]);
  const ru = pairs.map((p) => p[1]);
  const kept = 'The software is provided "as is", without warranty of any kind.';
  /** Anchor weight the translated rows miss, summed (evidence.lexical, matches counted against). */
  const missed = (options: AlignOptions): number => {
    const aligned = alignSequencesWithModel([...en, kept], [...ru, kept], options);
    expect(shapes(aligned.beads)).toEqual(pairs.map((_, k) => `${k}:${k}`).concat('10:10'));
    return aligned.evidence.slice(0, pairs.length).reduce((sum, e) => sum + e.lexical, 0);
  };

  it('weigh less when missed: the line left in English does not make every translated row look worse', () => {
    const alone = alignSequencesWithModel(en, ru).evidence.reduce((sum, e) => sum + e.lexical, 0);
    const whole = missed({ anchorImbalance: Infinity });
    const cut = missed({});
    expect(whole - alone).toBeGreaterThan(4);
    expect(cut - alone).toBeLessThan(0.8 * (whole - alone));
  });

  it('keep their weight when the imbalance is what an omission leaves', () => {
    const bags = (units: number[][]) => {
      const ids = units.flat();
      const offsets = Int32Array.from([0, ...units.map((_, u) => units.slice(0, u + 1).flat().length)]);
      return { offsets, ids: Int32Array.from(ids), counts: Int32Array.from(ids, () => 1) };
    };
    // Anchor 0 in two English units and one Russian one (its other counterpart left out); anchor 1 in
    // one English unit only; anchor 2 in nine English units and one Russian one.
    const balance = anchorBalance(bags([[0, 1, 2], [0, 2], [2], [2], [2], [2], [2], [2], [2]]), bags([[0, 2]]), 3);
    expect([...balance]).toEqual([1, 1, 0.8]);
  });
});

describe('omissions', () => {
  // The statement's operative paragraphs 29 and 30 with the English of 30 left out: the lone Russian
  // paragraph shares COVID-19 and a few terms with 29 by chance. At full weight its misses cost the
  // same alone or joined, and the chance matches joined it to 29 (a 1-2 bead with |δ| near 7).
  const english = ["ENSURE long-term resilience and minimize disruptions in global and regional supply chains, especially in the flow of essential goods and commodities including medical supplies and equipment, medicines, food and agricultural products as well as other essential goods while keeping markets open for trade and investment and ensuring that measures deemed necessary for public health emergency response are targeted, proportionate, fair, transparent, temporary and consistent with the World Trade Organisation rules and take into consideration other relevant World Health Organisation guidelines, including the WCO/WHO HS Classification Reference for COVID-19 Medical Supplies;"];
  const russian = [
    "ОБЕСПЕЧИВАЕМ долгосрочную устойчивость глобальных и региональных цепочек поставок и сводим к минимуму сбои в них, особенно в поставках товаров первой необходимости и сырьевых товаров, включая медицинские материалы и оборудование, лекарственные средства, продовольствие и сельскохозяйственную продукцию, а также другие товары первой необходимости, сохраняя при этом открытость рынков для торговли и инвестиций и добиваясь того, чтобы меры, считающиеся необходимыми для реагирования на чрезвычайные ситуации в области общественного здравоохранения, были адресными, соразмерными, справедливыми, транспарентными, временными и соответствовали правилам Всемирной торговой организации, а также учитывали другие соответствующие руководящие принципы Всемирной организации здравоохранения, включая Справочник Всемирной таможенной организации (ВТамО) и ВОЗ по классификации медицинских товаров, связанных с COVID-19, в Гармонизированной системе (ГС);",
    "СОТРУДНИЧАЕМ в целях обеспечения своевременного и справедливого доступа по приемлемым ценам к безопасным и качественным вакцинам и новым лекарственным препаратам, разработанным для борьбы с COVID-19 и другими пандемиями;",
  ];

  it('leaves a paragraph whose counterpart is missing alone, though it shares anchors with its neighbour', () => {
    expect(shapes(alignSequences(english, russian, { ratio: 1.14, variance: 4 }))).toEqual(['0:0', '-:1']);
    const fullWeight = ALL_CLAUSE_BEAD_SHAPES.map((shape) => ({ ...shape, missWeight: 1 }));
    expect(shapes(alignSequences(english, russian, { ratio: 1.14, variance: 4, shapes: fullWeight }))).toEqual(['0:0+1']);
  });
});

describe('calibrated confidence', () => {
  const beads = [
    { en: [0], ru: [0], confidence: 0.99 },
    { en: [1], ru: [], confidence: 0.99 },
    { en: [2], ru: [1], confidence: 0.99 },
    { en: [3], ru: [2], confidence: 0.99 },
    { en: [4], ru: [3], confidence: 0.99 },
    { en: [5, 6], ru: [4], confidence: 0.99 },
    // The rest of a text of 40 beads, plain 1-1 (the share of lone and merged beads is part of the calibration).
    ...Array.from({ length: 34 }, (_, k) => ({ en: [7 + k], ru: [5 + k], confidence: 0.99 })),
  ];
  const evidence = (lexical: number, size: number, lengthDelta = 0.5): BeadEvidence => ({ lengthDelta, lexical, size });
  const plainEvidence = evidence(-3, 100);

  it('lowers merged beads below plain 1-1 beads, and a 1-1 bead beside a merged one', () => {
    const all = [plainEvidence, evidence(0, 20), plainEvidence, plainEvidence, plainEvidence, evidence(-3, 200)];
    const [, alone, , plain, nextToMerged, merged] = all.map((e, k) => calibratedConfidence(beads, k, e));
    // A lone unit is not lowered below a plain pair of the same posterior: the aligner's posterior
    // already holds it lower, and 339 of the 350 lone beads of the evaluation are right. Until
    // 2 December 2026 the penalty shrank the posterior's weight and the fit made up for it here.
    expect(Math.abs(alone! - plain!)).toBeLessThan(0.05);
    expect(merged!).toBeLessThan(plain!);
    expect(merged!).toBeLessThan(nextToMerged!);
    expect(nextToMerged!).toBeLessThan(plain!);
    expect(plain).toBeGreaterThan(0.8);
    // Until 2 December 2026 a 1-1 bead beside a lone unit was lowered as well, as the half of a 1-2
    // bead whose other half the translator added: the evaluation sets now leave an added sentence a
    // bead of its own (eval/README.md), and the fit no longer lowers its neighbour.
  });

  it('trusts a unit left alone more when its own anchors are found nowhere, and a pair less when it misses more than it shares', () => {
    const at = (k: number, e: BeadEvidence): number => calibratedConfidence(beads, k, e);
    // A sentence whose numbers and names have no counterpart anywhere near: a real omission.
    expect(at(1, evidence(4, 60))).toBeGreaterThan(at(1, evidence(0, 60)));
    // Bead 3: a 1-1 bead between two others.
    expect(at(3, evidence(3, 100))).toBeLessThan(at(3, plainEvidence));
    expect(at(3, evidence(-3, 100, 4))).toBeLessThan(at(3, plainEvidence));
    expect(calibratedConfidence([{ ...beads[3]!, confidence: 0.6 }], 0, plainEvidence)).toBeLessThan(at(3, plainEvidence));
  });

  it('has one weight per feature', () => {
    expect(CALIBRATION.weights).toHaveLength(FEATURE_NAMES.length);
  });

  it('lowers a pair whose two sides end unlike (a full stop against a comma), not one both sides break at the same comma', () => {
    const en = ['The first backup copies every file.', 'It may take a long time.', 'Later ones are faster.'];
    const ru = ['Первая копия включает все файлы,', 'и может занять много времени.', 'Последующие быстрее.'];
    const pairs = [
      { en: [0], ru: [0], confidence: 0.99 },
      { en: [1], ru: [1], confidence: 0.99 },
      { en: [2], ru: [2], confidence: 0.99 },
    ];
    const found = pairs.map(() => ({ ...plainEvidence }));
    const flags = { en: new Uint8Array(4), ru: Uint8Array.of(0, 2, 0, 0) };
    boundaryEvidence(en, ru, flags, pairs, found);
    // Boundary 0|1: a full stop against a comma, the Russian running on; boundary 1|2: full stops.
    expect(found.map((e) => [e.unlikeEnds, e.midSentenceUnlike])).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(['Done.', 'said: »', 'one,', 'Article 5', '«так»;'].map(endClass)).toEqual([1, 2, 3, 0, 2]);
    const unlike = calibratedConfidence(beads, 3, found[1]);
    expect(unlike).toBeLessThan(calibratedConfidence(beads, 3, plainEvidence));
    // Both sides run on across the same comma at both ends (midSentence 4): no lower than a plain pair.
    expect(calibratedConfidence(beads, 3, { ...plainEvidence, midSentence: 4, unlikeEnds: 0, midSentenceUnlike: 0 })).toBe(calibratedConfidence(beads, 3, plainEvidence));
  });
});

describe('a sentence the two languages break at the same place', () => {
  // A preamble: the English opens each clause with a capital, the Russian in lower case, after the
  // same comma or semicolon. The Russian clause "runs on" and the English does not, but the two break
  // the sentence at the same place: no cut and no clause cost, so the 1-1 rows are sure (until
  // 2 December 2026 each paid the cut cost alone and sat at a posterior of 0.90–0.98).
  const en = [
    'The Government of the Kingdom of Arland and the Government of the Russian Federation, hereinafter the Parties,',
    'Wishing to develop cooperation in the field of health;',
    'Noting the importance of the exchange of medical information;',
    'Taking into account the Agreement on Trade signed in Minsk on 3 May 2001,',
    'Have agreed as follows.',
    'Article 1',
    'The Parties shall cooperate in health care and medical science.',
  ];
  const ru = [
    'Правительство Королевства Арланд и Правительство Российской Федерации, далее Стороны,',
    'желая развивать сотрудничество в области здравоохранения;',
    'отмечая важность обмена медицинской информацией;',
    'принимая во внимание Соглашение о торговле, подписанное в Минске 3 мая 2001 г.,',
    'согласились о нижеследующем.',
    'Статья 1',
    'Стороны сотрудничают в области здравоохранения и медицинской науки.',
  ];

  it('pairs the clauses one to one and is sure of each', () => {
    const aligned = alignSequencesWithModel(en, ru, { ratio: 1 });
    expect(shapes(aligned.beads)).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4', '5:5', '6:6']);
    for (const posterior of aligned.posteriors) expect(posterior).toBeGreaterThan(0.99);
  });

  it('still keeps a clause cut where the other language does not break with its first half', () => {
    const joined = [...en.slice(0, 3), `${en[3]} have agreed as follows.`, ...en.slice(5)];
    expect(shapes(alignSequences(joined, ru, { ratio: 1 }))).toEqual(['0:0', '1:1', '2:2', '3:3+4', '4:5', '5:6']);
  });
});
