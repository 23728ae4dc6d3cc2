import type { ErrorCode, IssueCode } from '../errors.ts';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Params = Record<string, string | number>;
type Template = string | ((p: Params) => string);

/** Titles of problem responses and CLI errors. Russian is the working language. */
export const ERROR_TITLES: Record<ErrorCode, Record<Language, string>> = {
  malformed_request: { ru: 'Некорректный запрос', en: 'Malformed request' },
  validation_failed: { ru: 'Запрос не прошёл проверку', en: 'The request failed validation' },
  invalid_record: { ru: 'Карточка содержит недопустимые сведения', en: 'The record contains impossible or inconsistent data' },
  unknown_participant: { ru: 'Неизвестный участник', en: 'Unknown participant' },
  unknown_link: { ru: 'Связанная карточка не найдена', en: 'Linked record not found' },
  check_insufficient: { ru: 'Недостаточно сведений для проверки', en: 'Too little to check on' },
  unauthenticated: { ru: 'Требуется вход в систему', en: 'Authentication required' },
  invalid_credentials: { ru: 'Неверное имя пользователя или пароль', en: 'Wrong username or password' },
  forbidden: { ru: 'Недостаточно прав', en: 'Not allowed' },
  cross_site_request: { ru: 'Запрос со стороннего сайта отклонён', en: 'Request from another site refused' },
  not_found: { ru: 'Не найдено', en: 'Not found' },
  version_conflict: {
    ru: 'Карточка изменена другим пользователем; перечитайте её и повторите',
    en: 'The record was changed by someone else; read it again and retry',
  },
  status_not_allowed: {
    ru: 'Из нынешнего статуса карточки в этот перейти нельзя',
    en: 'The record cannot move from its present status to this one',
  },
  match_decided: {
    ru: 'По этой паре карточек уже принято решение',
    en: 'This pair of records has already been decided',
  },
  hit_answered: {
    ru: 'На это совпадение уже дан ответ',
    en: 'This hit has already been answered',
  },
  transition_not_allowed: {
    ru: 'Это действие недоступно в нынешнем состоянии запроса',
    en: 'This action is not allowed in the present state of the request',
  },
  no_agreement: {
    ru: 'Нет действующего соглашения, по которому стороны могут обмениваться такими сведениями или запросами',
    en: 'No agreement in force lets these parties exchange information or requests of this kind',
  },
  idempotency_key_reused: {
    ru: 'Этот ключ идемпотентности уже использован для другого запроса',
    en: 'This idempotency key was already used for a different request',
  },
  duplicate_reference: {
    ru: 'Карточка с таким национальным номером уже есть',
    en: 'A record with this national reference already exists',
  },
  duplicate_username: { ru: 'Такое имя пользователя уже занято', en: 'This username is already taken' },
  group_ended: {
    ru: 'Работа группы завершена: её материалы доступны только для чтения',
    en: 'The group has ended: its workspace is read-only',
  },
  payload_too_large: { ru: 'Слишком большой запрос', en: 'Request too large' },
  rate_limited: { ru: 'Слишком много попыток; повторите позже', en: 'Too many attempts; try again later' },
  unsupported_media_type: { ru: 'Неподдерживаемый тип содержимого', en: 'Unsupported content type' },
  internal: { ru: 'Внутренняя ошибка', en: 'Internal error' },
};

const ISSUE_MESSAGES: Record<IssueCode, Record<Language, Template>> = {
  required: { ru: 'обязательное поле', en: 'is required' },
  unknown_field: { ru: 'неизвестное поле', en: 'is not a known field' },
  wrong_type: { ru: (p) => `ожидается тип ${p.type}`, en: (p) => `must be of type ${p.type}` },
  too_long: { ru: (p) => `не длиннее ${p.limit} символов`, en: (p) => `must be at most ${p.limit} characters` },
  too_short: { ru: (p) => `не короче ${p.limit} символов`, en: (p) => `must be at least ${p.limit} characters` },
  too_many: { ru: (p) => `не более ${p.limit} элементов`, en: (p) => `must have at most ${p.limit} items` },
  too_few: { ru: (p) => `не менее ${p.limit} элементов`, en: (p) => `must have at least ${p.limit} items` },
  not_allowed_value: {
    ru: (p) => `допустимые значения: ${p.allowed}`,
    en: (p) => `must be one of: ${p.allowed}`,
  },
  bad_format: { ru: (p) => `неверный формат (${p.format})`, en: (p) => `has the wrong format (${p.format})` },
  bad_characters: { ru: 'содержит недопустимые символы', en: 'contains characters that are not allowed here' },
  out_of_range: { ru: (p) => `значение вне диапазона ${p.range}`, en: (p) => `must be within ${p.range}` },
  duplicate_items: { ru: 'значения повторяются', en: 'must not repeat values' },
  date_impossible: { ru: (p) => `такой даты не существует: ${p.value}`, en: (p) => `is not a real date: ${p.value}` },
  date_in_future: { ru: (p) => `дата в будущем: ${p.value}`, en: (p) => `is in the future: ${p.value}` },
  date_order: {
    ru: (p) => (p.after ? `дата не может быть позже ${p.after}` : `дата не может быть раньше ${p.before}`),
    en: (p) => (p.after ? `cannot be later than ${p.after}` : `cannot be earlier than ${p.before}`),
  },
  range_order: { ru: 'начало диапазона больше конца', en: 'range starts after it ends' },
  section_required: {
    ru: (p) => `раздел обязателен для категории ${p.category}`,
    en: (p) => `is required for category ${p.category}`,
  },
  section_not_allowed: {
    ru: (p) => `раздел не допускается для категории ${p.category}`,
    en: (p) => `is not allowed for category ${p.category}`,
  },
  not_applicable: { ru: (p) => `не применяется, когда ${p.when}`, en: (p) => `does not apply when ${p.when}` },
  name_required: { ru: 'нужны фамилия или имя', en: 'needs at least a surname or a given name' },
  name_empty: { ru: 'имя пустое', en: 'has no name parts' },
  birth_date_conflict: {
    ru: 'укажите либо дату рождения, либо диапазон',
    en: 'give either a birth date or a range, not both',
  },
  vin_malformed: {
    ru: (p) => `VIN должен состоять из 17 знаков без I, O, Q: ${p.value}`,
    en: (p) => `a VIN has 17 characters without I, O or Q: ${p.value}`,
  },
  vin_check_digit: {
    ru: (p) => `неверная контрольная цифра VIN (ожидается ${p.expected})`,
    en: (p) => `VIN check digit is wrong (expected ${p.expected})`,
  },
  identifier_required: {
    ru: 'нужен хотя бы один идентификатор: VIN, номер, номер двигателя или кузова',
    en: 'needs at least one identifier: VIN, plate, engine or body number',
  },
  unknown_participant: { ru: (p) => `неизвестный участник ${p.value}`, en: (p) => `unknown participant ${p.value}` },
  unknown_record: { ru: (p) => `карточка ${p.value} не найдена`, en: (p) => `record ${p.value} not found` },
  check_subject: {
    ru: 'укажите ровно один объект проверки: person, vehicle или firearm',
    en: 'give exactly one subject to check: person, vehicle or firearm',
  },
  model_fields: {
    ru: (p) => `модель ${p.value} сравнивает не те поля, что эта версия Svod; обучите её заново (svod train)`,
    en: (p) => `model ${p.value} compares other fields than this version of Svod; train it again (svod train)`,
  },
  check_too_little: {
    ru: (p) => (p.subject === 'vehicle' ? 'нужен VIN, госномер, номер двигателя или кузова' : 'нужны фамилия и имя или дата рождения, либо документ'),
    en: (p) =>
      p.subject === 'vehicle' ? 'needs a VIN, plate, engine or body number' : 'needs a surname with a given name or birth date, or a document',
  },
  invalid_json: { ru: (p) => `некорректный JSON: ${p.reason}`, en: (p) => `invalid JSON: ${p.reason}` },
  record_cancelled: {
    ru: 'карточка отменена; отменённую карточку изменить нельзя',
    en: 'the record is cancelled; a cancelled record cannot be changed',
  },
  status_not_importable: {
    ru: (p) => `статус не меняется загрузкой (в банке: ${p.value}); измените его через карточку`,
    en: (p) => `an import does not change a status (the bank has: ${p.value}); change it on the record`,
  },
  required_column: {
    ru: (p) => `ни один столбец не сопоставлен полю ${p.field ?? ''}, а без него карточку не составить`,
    en: (p) => `no column is mapped to ${p.field ?? 'a field'}, and a record cannot be made without it`,
  },
  duplicate_field: {
    ru: (p) => `полю ${p.field ?? ''} сопоставлено несколько столбцов; оставьте один`,
    en: (p) => `several columns are mapped to ${p.field ?? 'one field'}; keep one`,
  },
  changed_since_compared: {
    ru: 'карточка в банке изменилась после сверки; проведите сверку заново',
    en: 'a record in the bank changed after the comparison; run the reconciliation again',
  },
  reconciliation_not_compared: {
    ru: (p) => `сверку нельзя применить: она ${p.status === 'applied' ? 'уже применена' : p.status === 'failed' ? 'не удалась' : 'ещё не завершена'}`,
    en: (p) =>
      `the reconciliation cannot be applied: it is ${p.status === 'applied' ? 'applied already' : p.status === 'failed' ? 'failed' : 'not finished yet'}`,
  },
  forward_outside_state: {
    ru: 'переадресовать можно только другому ведомству того же государства',
    en: 'can be forwarded only to another agency of the same member state',
  },
  overlapping_agreement: {
    ru: (p) => `у этих сторон уже есть соглашение на то же время и о том же: «${p.value}»`,
    en: (p) => `these parties already have an agreement covering the same at the same time: "${p.value}"`,
  },
  same_participant: {
    ru: 'отправитель и получатель должны быть разными ведомствами',
    en: 'sender and recipient must be different agencies',
  },
  lead_not_participant: {
    ru: (p) => `ведущее ведомство ${p.value} должно быть среди участников группы`,
    en: (p) => `the lead agency ${p.value} must be among the group's participants`,
  },
  not_in_group: {
    ru: (p) => `${p.value ?? 'это'} не относится к ведомствам или членам группы`,
    en: (p) => `${p.value ?? 'this'} is not of the group's agencies or members`,
  },
  already_in_group: {
    ru: (p) => `${p.value ?? 'это'} уже в группе`,
    en: (p) => `${p.value ?? 'this'} is already in the group`,
  },
  still_needed: {
    ru: (p) =>
      `${p.value ?? 'это'} нельзя убрать: ${p.reason === 'last_leader' ? 'это последний руководитель группы' : 'в группе остаются его сотрудники'}`,
    en: (p) =>
      `${p.value ?? 'this'} cannot be removed: ${p.reason === 'last_leader' ? "it is the group's last leader" : 'its staff are still members'}`,
  },
};

/** The message for one field issue in the requested language. */
export function issueMessage(code: IssueCode, lang: Language, params: Params = {}): string {
  const template = ISSUE_MESSAGES[code][lang];
  return typeof template === 'function' ? template(params) : template;
}

/**
 * Picks ru or en from an Accept-Language header; Russian, the working language, when neither is asked for.
 *
 * @example pickLanguage('en-GB,en;q=0.9') // 'en'
 */
export function pickLanguage(header: string | undefined): Language {
  if (!header) return 'ru';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => (LANGUAGES as readonly string[]).includes(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Language | undefined) ?? 'ru';
}
