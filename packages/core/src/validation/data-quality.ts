/**
 * Notes on what a record says that matching had to read around: kept with the record as
 * written (an officer may have typed it exactly so), shown to whoever reads it so that the
 * owner can correct it at the source.
 */
import type { Language } from '../i18n/messages.ts';
import { parsePersonName } from '../matching/names/parse.ts';
import type { NameRepair } from '../matching/names/repair.ts';
import type { PersonName } from '../schemas/person.ts';

export const DATA_QUALITY_CODES = ['name_keyboard_layout', 'name_mixed_script', 'name_ocr_digits'] as const;
export type DataQualityCode = (typeof DATA_QUALITY_CODES)[number];

export interface DataQualityNote {
  /** JSON Pointer to the name within the record. */
  path: string;
  code: DataQualityCode;
}

const NOTE_OF_REPAIR: Record<NameRepair, DataQualityCode> = {
  keyboard_layout: 'name_keyboard_layout',
  mixed_script: 'name_mixed_script',
  ocr_digits: 'name_ocr_digits',
};

/** The data-quality notes of a record's names, empty when every name reads as written. */
export function nameQualityNotes(names: readonly PersonName[] | undefined): DataQualityNote[] {
  const notes: DataQualityNote[] = [];
  (names ?? []).forEach((name, i) => {
    const parsed = parsePersonName({ surname: name.surname, given: name.given, patronymic: name.patronymic }, { lang: name.lang });
    for (const repair of parsed.repairs ?? []) notes.push({ path: `/person/names/${i}`, code: NOTE_OF_REPAIR[repair] });
  });
  return notes;
}

export const DATA_QUALITY_MESSAGES: Record<DataQualityCode, Record<Language, string>> = {
  name_keyboard_layout: {
    ru: 'имя набрано в другой раскладке клавиатуры; сверка читает его как набранное в нужной',
    en: 'the name was typed on the wrong keyboard layout; matching reads it as typed on the right one',
  },
  name_mixed_script: {
    ru: 'в имени смешаны кириллица и латиница (похожие буквы); сверка читает его в одной азбуке',
    en: 'the name mixes Cyrillic and Latin look-alike letters; matching reads it in one script',
  },
  name_ocr_digits: {
    ru: 'в имени цифры вместо букв (ошибка распознавания); сверка читает их как буквы',
    en: 'the name has digits for letters (a recognition error); matching reads them as letters',
  },
};
