/** The member states of the bank, with their names in Russian and English. */
export const MEMBER_STATES = [
  { code: 'AM', ru: 'Армения', en: 'Armenia' },
  { code: 'AZ', ru: 'Азербайджан', en: 'Azerbaijan' },
  { code: 'BY', ru: 'Беларусь', en: 'Belarus' },
  { code: 'KZ', ru: 'Казахстан', en: 'Kazakhstan' },
  { code: 'KG', ru: 'Кыргызстан', en: 'Kyrgyzstan' },
  { code: 'MD', ru: 'Молдова', en: 'Moldova' },
  { code: 'RU', ru: 'Россия', en: 'Russia' },
  { code: 'TJ', ru: 'Таджикистан', en: 'Tajikistan' },
  { code: 'UZ', ru: 'Узбекистан', en: 'Uzbekistan' },
] as const;
export type MemberState = (typeof MEMBER_STATES)[number]['code'];

export interface ParticipantInfo {
  code: string;
  state: string | null;
  nameRu: string;
  nameEn: string;
}

/** The agencies that take part in the bank by default: each state's police, some prosecutors, and BKBOP. */
/**
 * The Bureau for the Coordination of the Fight against Organized Crime: told of every escalation,
 * keeper of the register of agreements, and reader of every agency's figures.
 */
export const COORDINATING_BODY = 'BKBOP';

export const DEFAULT_PARTICIPANTS: readonly ParticipantInfo[] = [
  { code: 'AM-POLICE', state: 'AM', nameRu: 'Полиция Республики Армения', nameEn: 'Police of the Republic of Armenia' },
  { code: 'AZ-MVD', state: 'AZ', nameRu: 'МВД Азербайджанской Республики', nameEn: 'Ministry of Internal Affairs of Azerbaijan' },
  { code: 'BY-MVD', state: 'BY', nameRu: 'МВД Республики Беларусь', nameEn: 'Ministry of Internal Affairs of Belarus' },
  { code: 'KZ-MVD', state: 'KZ', nameRu: 'МВД Республики Казахстан', nameEn: 'Ministry of Internal Affairs of Kazakhstan' },
  { code: 'KZ-GP', state: 'KZ', nameRu: 'Генеральная прокуратура Республики Казахстан', nameEn: 'Prosecutor General of Kazakhstan' },
  { code: 'KG-MVD', state: 'KG', nameRu: 'МВД Кыргызской Республики', nameEn: 'Ministry of Internal Affairs of Kyrgyzstan' },
  { code: 'MD-MAI', state: 'MD', nameRu: 'МВД Республики Молдова', nameEn: 'Ministry of Internal Affairs of Moldova' },
  { code: 'RU-MVD', state: 'RU', nameRu: 'МВД России', nameEn: 'Ministry of Internal Affairs of Russia' },
  { code: 'RU-GP', state: 'RU', nameRu: 'Генеральная прокуратура Российской Федерации', nameEn: 'Prosecutor General of Russia' },
  { code: 'TJ-MVD', state: 'TJ', nameRu: 'МВД Республики Таджикистан', nameEn: 'Ministry of Internal Affairs of Tajikistan' },
  { code: 'UZ-MVD', state: 'UZ', nameRu: 'МВД Республики Узбекистан', nameEn: 'Ministry of Internal Affairs of Uzbekistan' },
  {
    code: 'BKBOP',
    state: null,
    nameRu: 'Бюро по координации борьбы с организованной преступностью',
    nameEn: 'Bureau for the Coordination of the Fight against Organized Crime',
  },
];
