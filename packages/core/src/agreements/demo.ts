import { DEFAULT_PARTICIPANTS } from '../domain/participants.ts';
import { REQUEST_TYPES } from '../requests/types.ts';
import { CATEGORIES } from '../schemas/record.ts';
import type { AgreementInput } from './types.ts';

const agencies = DEFAULT_PARTICIPANTS.filter((p) => p.state !== null).map((p) => p.code);
const ministries = agencies.filter((code) => !code.endsWith('-GP'));
const PERSONS = ['wanted_person', 'missing_person', 'unidentified_corpse', 'unidentified_person'] as const;

/**
 * The demo's agreements: a plausible set, not every pair sharing everything. The ministries share
 * the person arrays and information requests; vehicles and firearms only where a narrower
 * agreement says so; prosecutors' offices join for detention and case documents; BKBOP
 * coordinates under its own. Titles and references are the demo's, not the legal texts.
 */
export const DEMO_AGREEMENTS: readonly AgreementInput[] = [
  {
    title: 'Соглашение о взаимодействии министерств внутренних дел в сфере обмена информацией (демонстрационное)',
    documentRef: 'ДЕМО-1992-МВД',
    parties: ministries,
    categories: [...PERSONS],
    requestTypes: ['person_information', 'search_whereabouts', 'identity_confirmation', 'hit_answer'],
    inForceFrom: '1992-08-03',
  },
  {
    title: 'Соглашение об обмене сведениями о похищенных транспортных средствах и оружии (демонстрационное)',
    documentRef: 'ДЕМО-2004-ТС',
    parties: ['RU-MVD', 'BY-MVD', 'KZ-MVD', 'KG-MVD', 'TJ-MVD', 'AM-POLICE'],
    categories: ['vehicle', 'firearm'],
    requestTypes: ['vehicle_information', 'firearm_information'],
    inForceFrom: '2004-09-16',
  },
  {
    title: 'Соглашение между МВД Республики Казахстан и МВД Республики Узбекистан о розыске автотранспорта (демонстрационное)',
    documentRef: 'ДЕМО-2018-KZ-UZ',
    parties: ['KZ-MVD', 'UZ-MVD'],
    categories: ['vehicle'],
    requestTypes: ['vehicle_information'],
    inForceFrom: '2018-03-15',
  },
  {
    title: 'Конвенция о правовой помощи по уголовным делам: розыск, выдача, материалы дел (демонстрационная)',
    documentRef: 'ДЕМО-1993-МИНСК',
    parties: agencies,
    categories: ['wanted_person'],
    requestTypes: ['search_detention_extradition', 'case_documents'],
    inForceFrom: '1993-01-22',
  },
  {
    title: 'Положение о координирующем доступе БКБОП (демонстрационное)',
    documentRef: 'ДЕМО-1993-БКБОП',
    parties: ['BKBOP', ...agencies],
    coordinator: 'BKBOP',
    categories: [...CATEGORIES],
    requestTypes: [...REQUEST_TYPES],
    inForceFrom: '1993-09-24',
  },
];
