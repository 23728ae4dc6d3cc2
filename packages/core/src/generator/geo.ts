/**
 * Where things happen: the members' main towns with their regions (in Russian and, for the
 * Latin- and Armenian-script states, in the state language), vehicle-plate region codes and
 * typical streets. Weights follow population, roughly.
 */
import type { Random } from './random.ts';
import { russianToArmenian, russianToAzerbaijani, russianToRomanian, russianToUzbek } from './transliterate.ts';

/** The member states, by ISO 3166-1 code. */
export const MEMBER_CODES = ['AM', 'AZ', 'BY', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ'] as const;
export type StateCode = (typeof MEMBER_CODES)[number];

/** The language a state's records are written in (free text, places). */
export type TextLang = 'ru' | 'az' | 'uz' | 'ro' | 'hy';

/** A town: its Russian name (and the state-language one), region, plate region codes, weight. */
export interface Locality {
  ru: string;
  /** Russian genitive, for court and prosecutor names ("суд г. Новосибирска"). */
  gen?: string;
  region: string;
  native?: string;
  regionNative?: string;
  plates: readonly string[];
  weight: number;
}

interface StateGeo {
  localities: readonly Locality[];
  /** Streets as `native|Russian`, or Russian only. */
  streets: readonly string[];
}

const L = (
  ru: string,
  region: string,
  plates: readonly string[],
  weight: number,
  extra: { gen?: string; native?: string; regionNative?: string } = {},
): Locality => ({ ru, region, plates, weight, ...extra });

/** Each member state's towns and streets. */
export const GEO: Record<StateCode, StateGeo> = {
  RU: {
    localities: [
      L('Москва', 'г. Москва', ['77', '97', '99', '177', '197', '199', '777', '797', '799', '977'], 20, { gen: 'Москвы' }),
      L('Санкт-Петербург', 'г. Санкт-Петербург', ['78', '98', '178', '198'], 10, { gen: 'Санкт-Петербурга' }),
      L('Новосибирск', 'Новосибирская область', ['54', '154'], 3, { gen: 'Новосибирска' }),
      L('Екатеринбург', 'Свердловская область', ['66', '96', '196'], 3, { gen: 'Екатеринбурга' }),
      L('Казань', 'Республика Татарстан', ['16', '116', '716'], 3, { gen: 'Казани' }),
      L('Нижний Новгород', 'Нижегородская область', ['52', '152'], 2, { gen: 'Нижнего Новгорода' }),
      L('Челябинск', 'Челябинская область', ['74', '174'], 2, { gen: 'Челябинска' }),
      L('Самара', 'Самарская область', ['63', '163', '763'], 2, { gen: 'Самары' }),
      L('Омск', 'Омская область', ['55'], 2, { gen: 'Омска' }),
      L('Ростов-на-Дону', 'Ростовская область', ['61', '161', '761'], 2, { gen: 'Ростова-на-Дону' }),
      L('Уфа', 'Республика Башкортостан', ['02', '102', '702'], 2, { gen: 'Уфы' }),
      L('Красноярск', 'Красноярский край', ['24', '124'], 2, { gen: 'Красноярска' }),
      L('Пермь', 'Пермский край', ['59', '159'], 2, { gen: 'Перми' }),
      L('Воронеж', 'Воронежская область', ['36', '136'], 2, { gen: 'Воронежа' }),
      L('Волгоград', 'Волгоградская область', ['34', '134'], 2, { gen: 'Волгограда' }),
      L('Краснодар', 'Краснодарский край', ['23', '93', '123', '193'], 3, { gen: 'Краснодара' }),
      L('Саратов', 'Саратовская область', ['64', '164'], 1, { gen: 'Саратова' }),
      L('Тюмень', 'Тюменская область', ['72'], 1, { gen: 'Тюмени' }),
      L('Иркутск', 'Иркутская область', ['38', '138'], 1, { gen: 'Иркутска' }),
      L('Хабаровск', 'Хабаровский край', ['27'], 1, { gen: 'Хабаровска' }),
      L('Владивосток', 'Приморский край', ['25', '125'], 1, { gen: 'Владивостока' }),
      L('Уссурийск', 'Приморский край', ['25', '125'], 0.5, { gen: 'Уссурийска' }),
      L('Сургут', 'Ханты-Мансийский автономный округ — Югра', ['86', '186'], 1, { gen: 'Сургута' }),
      L('Балашиха', 'Московская область', ['50', '90', '150', '190', '750'], 2, { gen: 'Балашихи' }),
      L('Подольск', 'Московская область', ['50', '90', '150', '190', '750'], 1.5, { gen: 'Подольска' }),
      L('Химки', 'Московская область', ['50', '90', '150', '190', '750'], 1.5, { gen: 'Химок' }),
      L('Люберцы', 'Московская область', ['50', '90', '150', '190', '750'], 1.5, { gen: 'Люберец' }),
      L('Калининград', 'Калининградская область', ['39'], 1, { gen: 'Калининграда' }),
      L('Оренбург', 'Оренбургская область', ['56'], 1, { gen: 'Оренбурга' }),
      L('Астрахань', 'Астраханская область', ['30'], 1, { gen: 'Астрахани' }),
      L('Барнаул', 'Алтайский край', ['22'], 1, { gen: 'Барнаула' }),
      L('Томск', 'Томская область', ['70'], 1, { gen: 'Томска' }),
      L('Ярославль', 'Ярославская область', ['76'], 1, { gen: 'Ярославля' }),
      L('Смоленск', 'Смоленская область', ['67'], 0.7, { gen: 'Смоленска' }),
      L('Брянск', 'Брянская область', ['32'], 0.7, { gen: 'Брянска' }),
      L('Белгород', 'Белгородская область', ['31'], 0.7, { gen: 'Белгорода' }),
      L('Махачкала', 'Республика Дагестан', ['05'], 1, { gen: 'Махачкалы' }),
    ],
    streets: [
      'ул. Ленина',
      'ул. Советская',
      'ул. Мира',
      'ул. Гагарина',
      'ул. Пушкина',
      'ул. Садовая',
      'ул. Школьная',
      'пр-т Мира',
      'ул. Молодёжная',
      'ул. Лесная',
      'ул. Центральная',
      'ул. Победы',
      'ул. Строителей',
      'ул. Заводская',
    ],
  },
  KZ: {
    localities: [
      L('Алматы', 'г. Алматы', ['02'], 8, { gen: 'Алматы' }),
      L('Астана', 'г. Астана', ['01'], 6, { gen: 'Астаны' }),
      L('Шымкент', 'г. Шымкент', ['17'], 5, { gen: 'Шымкента' }),
      L('Караганда', 'Карагандинская область', ['09'], 3, { gen: 'Караганды' }),
      L('Темиртау', 'Карагандинская область', ['09'], 1, { gen: 'Темиртау' }),
      L('Актобе', 'Актюбинская область', ['04'], 2, { gen: 'Актобе' }),
      L('Тараз', 'Жамбылская область', ['08'], 2, { gen: 'Тараза' }),
      L('Павлодар', 'Павлодарская область', ['14'], 2, { gen: 'Павлодара' }),
      L('Экибастуз', 'Павлодарская область', ['14'], 0.7, { gen: 'Экибастуза' }),
      L('Усть-Каменогорск', 'Восточно-Казахстанская область', ['16'], 2, { gen: 'Усть-Каменогорска' }),
      L('Семей', 'Абайская область', ['18'], 1.5, { gen: 'Семея' }),
      L('Атырау', 'Атырауская область', ['06'], 1.5, { gen: 'Атырау' }),
      L('Костанай', 'Костанайская область', ['10'], 1.5, { gen: 'Костаная' }),
      L('Кызылорда', 'Кызылординская область', ['11'], 1.5, { gen: 'Кызылорды' }),
      L('Уральск', 'Западно-Казахстанская область', ['07'], 1.5, { gen: 'Уральска' }),
      L('Петропавловск', 'Северо-Казахстанская область', ['15'], 1, { gen: 'Петропавловска' }),
      L('Актау', 'Мангистауская область', ['12'], 1.5, { gen: 'Актау' }),
      L('Талдыкорган', 'Жетысуская область', ['19'], 1, { gen: 'Талдыкоргана' }),
      L('Туркестан', 'Туркестанская область', ['13'], 1.5, { gen: 'Туркестана' }),
      L('Каскелен', 'Алматинская область', ['05'], 1, { gen: 'Каскелена' }),
      L('Кокшетау', 'Акмолинская область', ['03'], 1, { gen: 'Кокшетау' }),
    ],
    streets: [
      'ул. Абая',
      'ул. Жибек жолы',
      'ул. Толе би',
      'ул. Сейфуллина',
      'мкр. Самал-2',
      'ул. Байтурсынова',
      'пр. Республики',
      'ул. Кабанбай батыра',
      'ул. Желтоксан',
      'мкр. Аксай-4',
      'ул. Мухтара Ауэзова',
    ],
  },
  BY: {
    localities: [
      L('Минск', 'г. Минск', ['7'], 10, { gen: 'Минска' }),
      L('Гомель', 'Гомельская область', ['3'], 3, { gen: 'Гомеля' }),
      L('Мозырь', 'Гомельская область', ['3'], 1, { gen: 'Мозыря' }),
      L('Жлобин', 'Гомельская область', ['3'], 0.6, { gen: 'Жлобина' }),
      L('Могилёв', 'Могилёвская область', ['6'], 2.5, { gen: 'Могилёва' }),
      L('Бобруйск', 'Могилёвская область', ['6'], 1.5, { gen: 'Бобруйска' }),
      L('Витебск', 'Витебская область', ['2'], 2.5, { gen: 'Витебска' }),
      L('Орша', 'Витебская область', ['2'], 1, { gen: 'Орши' }),
      L('Полоцк', 'Витебская область', ['2'], 0.6, { gen: 'Полоцка' }),
      L('Новополоцк', 'Витебская область', ['2'], 0.7, { gen: 'Новополоцка' }),
      L('Гродно', 'Гродненская область', ['4'], 2.5, { gen: 'Гродно' }),
      L('Лида', 'Гродненская область', ['4'], 0.8, { gen: 'Лиды' }),
      L('Брест', 'Брестская область', ['1'], 2.5, { gen: 'Бреста' }),
      L('Барановичи', 'Брестская область', ['1'], 1.2, { gen: 'Барановичей' }),
      L('Пинск', 'Брестская область', ['1'], 1, { gen: 'Пинска' }),
      L('Борисов', 'Минская область', ['5'], 1.2, { gen: 'Борисова' }),
      L('Солигорск', 'Минская область', ['5'], 0.8, { gen: 'Солигорска' }),
      L('Молодечно', 'Минская область', ['5'], 0.8, { gen: 'Молодечно' }),
    ],
    streets: [
      'пр-т Независимости',
      'ул. Сурганова',
      'ул. Притыцкого',
      'ул. Якуба Коласа',
      'ул. Советская',
      'ул. Ленина',
      'ул. Кальварийская',
      'пр-т Победителей',
      'ул. Янки Купалы',
      'ул. Московская',
    ],
  },
  KG: {
    localities: [
      L('Бишкек', 'г. Бишкек', ['01'], 10),
      L('Ош', 'г. Ош', ['02'], 4),
      L('Джалал-Абад', 'Джалал-Абадская область', ['04'], 2),
      L('Каракол', 'Иссык-Кульская область', ['09'], 1.5),
      L('Балыкчы', 'Иссык-Кульская область', ['09'], 0.7),
      L('Токмок', 'Чуйская область', ['08'], 1.5),
      L('Кара-Балта', 'Чуйская область', ['08'], 1),
      L('Кант', 'Чуйская область', ['08'], 0.8),
      L('Нарын', 'Нарынская область', ['05'], 0.8),
      L('Талас', 'Таласская область', ['07'], 0.8),
      L('Баткен', 'Баткенская область', ['03'], 0.8),
      L('Узген', 'Ошская область', ['06'], 1),
      L('Кара-Суу', 'Ошская область', ['06'], 1),
    ],
    streets: [
      'ул. Манаса',
      'пр. Чуй',
      'ул. Токтогула',
      'ул. Ахунбаева',
      'мкр. Джал',
      'ул. Киевская',
      'ул. Исанова',
      'пр. Жибек Жолу',
      'ул. Ленина',
      'мкр. Восток-5',
    ],
  },
  TJ: {
    localities: [
      L('Душанбе', 'г. Душанбе', ['01'], 10),
      L('Худжанд', 'Согдийская область', ['02'], 4),
      L('Истаравшан', 'Согдийская область', ['02'], 1.2),
      L('Пенджикент', 'Согдийская область', ['02'], 1),
      L('Исфара', 'Согдийская область', ['02'], 1),
      L('Бохтар', 'Хатлонская область', ['03'], 2.5),
      L('Куляб', 'Хатлонская область', ['03'], 2),
      L('Хорог', 'Горно-Бадахшанская автономная область', ['04'], 0.6),
      L('Турсунзаде', 'Районы республиканского подчинения', ['05'], 1.2),
      L('Вахдат', 'Районы республиканского подчинения', ['05'], 1.2),
      L('Гиссар', 'Районы республиканского подчинения', ['05'], 1),
    ],
    streets: [
      'пр. Рудаки',
      'ул. Айни',
      'пр. Исмоили Сомони',
      'ул. Шотемура',
      'ул. Бохтар',
      'ул. Фирдавси',
      'ул. Карамова',
      'мкр. 82',
      'ул. Мирзо Турсунзаде',
    ],
  },
  UZ: {
    localities: [
      L('Ташкент', 'г. Ташкент', ['01'], 10, { native: 'Toshkent', regionNative: 'Toshkent shahri' }),
      L('Чирчик', 'Ташкентская область', ['10'], 1, { native: 'Chirchiq', regionNative: 'Toshkent viloyati' }),
      L('Ангрен', 'Ташкентская область', ['10'], 0.8, { native: 'Angren', regionNative: 'Toshkent viloyati' }),
      L('Алмалык', 'Ташкентская область', ['10'], 0.8, { native: 'Olmaliq', regionNative: 'Toshkent viloyati' }),
      L('Самарканд', 'Самаркандская область', ['30'], 4, { native: 'Samarqand', regionNative: 'Samarqand viloyati' }),
      L('Бухара', 'Бухарская область', ['80'], 2, { native: 'Buxoro', regionNative: 'Buxoro viloyati' }),
      L('Наманган', 'Наманганская область', ['50'], 3, { native: 'Namangan', regionNative: 'Namangan viloyati' }),
      L('Андижан', 'Андижанская область', ['60'], 3, { native: 'Andijon', regionNative: 'Andijon viloyati' }),
      L('Фергана', 'Ферганская область', ['40'], 2.5, { native: "Farg'ona", regionNative: "Farg'ona viloyati" }),
      L('Коканд', 'Ферганская область', ['40'], 1.5, { native: "Qo'qon", regionNative: "Farg'ona viloyati" }),
      L('Маргилан', 'Ферганская область', ['40'], 1, { native: "Marg'ilon", regionNative: "Farg'ona viloyati" }),
      L('Карши', 'Кашкадарьинская область', ['70'], 2, { native: 'Qarshi', regionNative: 'Qashqadaryo viloyati' }),
      L('Термез', 'Сурхандарьинская область', ['75'], 1.5, { native: 'Termiz', regionNative: 'Surxondaryo viloyati' }),
      L('Навои', 'Навоийская область', ['85'], 1, { native: 'Navoiy', regionNative: 'Navoiy viloyati' }),
      L('Джизак', 'Джизакская область', ['25'], 1, { native: 'Jizzax', regionNative: 'Jizzax viloyati' }),
      L('Гулистан', 'Сырдарьинская область', ['20'], 0.8, { native: 'Guliston', regionNative: 'Sirdaryo viloyati' }),
      L('Ургенч', 'Хорезмская область', ['90'], 1.5, { native: 'Urganch', regionNative: 'Xorazm viloyati' }),
      L('Нукус', 'Республика Каракалпакстан', ['95'], 1.5, { native: 'Nukus', regionNative: "Qoraqalpog'iston Respublikasi" }),
    ],
    streets: [
      "Amir Temur ko'chasi|ул. Амира Темура",
      "Navoiy ko'chasi|ул. Навои",
      "Mustaqillik shoh ko'chasi|пр. Мустакиллик",
      "Bobur ko'chasi|ул. Бабура",
      'Chilonzor 9-mavze|Чиланзар, 9-й квартал',
      "Bunyodkor shoh ko'chasi|пр. Бунёдкор",
      "Mirobod ko'chasi|ул. Мирабад",
      'Yunusobod 4-mavze|Юнусабад, 4-й квартал',
      "Olmazor ko'chasi|ул. Алмазар",
    ],
  },
  AZ: {
    localities: [
      L('Баку', 'г. Баку', ['10', '90', '99', '77'], 12, { native: 'Bakı', regionNative: 'Bakı şəhəri' }),
      L('Сумгаит', 'г. Сумгаит', ['50'], 2.5, { native: 'Sumqayıt', regionNative: 'Sumqayıt şəhəri' }),
      L('Гянджа', 'г. Гянджа', ['20'], 2.5, { native: 'Gəncə', regionNative: 'Gəncə şəhəri' }),
      L('Мингечевир', 'г. Мингечевир', ['45'], 1, { native: 'Mingəçevir', regionNative: 'Mingəçevir şəhəri' }),
      L('Ленкорань', 'Ленкоранский район', ['40'], 1, { native: 'Lənkəran', regionNative: 'Lənkəran rayonu' }),
      L('Нахичевань', 'Нахичеванская АР', ['85'], 1, { native: 'Naxçıvan', regionNative: 'Naxçıvan MR' }),
      L('Хырдалан', 'Абшеронский район', ['01'], 1.5, { native: 'Xırdalan', regionNative: 'Abşeron rayonu' }),
      L('Шеки', 'Шекинский район', ['10'], 0.8, { native: 'Şəki', regionNative: 'Şəki rayonu' }),
      L('Губа', 'Губинский район', ['10'], 0.8, { native: 'Quba', regionNative: 'Quba rayonu' }),
      L('Ширван', 'г. Ширван', ['10'], 0.6, { native: 'Şirvan', regionNative: 'Şirvan şəhəri' }),
    ],
    streets: [
      'Nizami küçəsi|ул. Низами',
      'Füzuli küçəsi|ул. Физули',
      'Azadlıq prospekti|пр. Азадлыг',
      'Neftçilər prospekti|пр. Нефтяников',
      'Atatürk prospekti|пр. Ататюрка',
      'Həsən bəy Zərdabi küçəsi|ул. Гасан-бека Зардаби',
      'Səməd Vurğun küçəsi|ул. Самеда Вургуна',
      'Heydər Əliyev prospekti|пр. Гейдара Алиева',
    ],
  },
  AM: {
    localities: [
      L('Ереван', 'г. Ереван', ['01', '02', '03', '05', '06', '07', '08'], 12, { native: 'Երևան', regionNative: 'Երևան' }),
      L('Гюмри', 'Ширакская область', ['10', '11'], 2, { native: 'Գյումրի', regionNative: 'Շիրակի մարզ' }),
      L('Ванадзор', 'Лорийская область', ['20', '21'], 1.5, { native: 'Վանաձոր', regionNative: 'Լոռու մարզ' }),
      L('Эчмиадзин', 'Армавирская область', ['30'], 1, { native: 'Էջմիածին', regionNative: 'Արմավիրի մարզ' }),
      L('Армавир', 'Армавирская область', ['30'], 0.8, { native: 'Արմավիր', regionNative: 'Արմավիրի մարզ' }),
      L('Абовян', 'Котайкская область', ['40'], 1, { native: 'Աբովյան', regionNative: 'Կոտայքի մարզ' }),
      L('Раздан', 'Котайкская область', ['40'], 0.8, { native: 'Հրազդան', regionNative: 'Կոտայքի մարզ' }),
      L('Капан', 'Сюникская область', ['50'], 0.8, { native: 'Կապան', regionNative: 'Սյունիքի մարզ' }),
      L('Арташат', 'Араратская область', ['60'], 0.8, { native: 'Արտաշատ', regionNative: 'Արարատի մարզ' }),
      L('Гавар', 'Гехаркуникская область', ['70'], 0.7, { native: 'Գավառ', regionNative: 'Գեղարքունիքի մարզ' }),
      L('Иджеван', 'Тавушская область', ['80'], 0.6, { native: 'Իջևան', regionNative: 'Տավուշի մարզ' }),
    ],
    streets: [
      'Աբովյան փողոց|ул. Абовяна',
      'Մաշտոցի պողոտա|пр. Маштоца',
      'Թումանյան փողոց|ул. Туманяна',
      'Կոմիտասի պողոտա|пр. Комитаса',
      'Բաղրամյան պողոտա|пр. Баграмяна',
      'Արշակունյաց պողոտա|пр. Аршакуняц',
      'Տիգրան Մեծի պողոտա|пр. Тиграна Меца',
      'Բաբաջանյան փողոց|ул. Бабаджаняна',
    ],
  },
  MD: {
    localities: [
      L('Кишинёв', 'мун. Кишинёв', [], 10, { native: 'Chișinău', regionNative: 'mun. Chișinău' }),
      L('Бельцы', 'мун. Бельцы', [], 3, { native: 'Bălți', regionNative: 'mun. Bălți' }),
      L('Орхей', 'Орхейский район', [], 1.2, { native: 'Orhei', regionNative: 'raionul Orhei' }),
      L('Унгены', 'Унгенский район', [], 1.2, { native: 'Ungheni', regionNative: 'raionul Ungheni' }),
      L('Кагул', 'Кагульский район', [], 1.2, { native: 'Cahul', regionNative: 'raionul Cahul' }),
      L('Сороки', 'Сорокский район', [], 1, { native: 'Soroca', regionNative: 'raionul Soroca' }),
      L('Комрат', 'АТО Гагаузия', [], 1, { native: 'Comrat', regionNative: 'UTA Găgăuzia' }),
      L('Страшены', 'Страшенский район', [], 0.8, { native: 'Strășeni', regionNative: 'raionul Strășeni' }),
      L('Хынчешты', 'Хынчештский район', [], 0.8, { native: 'Hîncești', regionNative: 'raionul Hîncești' }),
      L('Единцы', 'Единецкий район', [], 0.7, { native: 'Edineț', regionNative: 'raionul Edineț' }),
      L('Яловены', 'Яловенский район', [], 0.8, { native: 'Ialoveni', regionNative: 'raionul Ialoveni' }),
      L('Каушаны', 'Каушанский район', [], 0.7, { native: 'Căușeni', regionNative: 'raionul Căușeni' }),
    ],
    streets: [
      'str. Ștefan cel Mare|ул. Штефан чел Маре',
      'bd. Dacia|бул. Дачия',
      'str. Ismail|ул. Измаил',
      'str. Mihai Eminescu|ул. Михая Эминеску',
      'str. Alba Iulia|ул. Алба Юлия',
      'bd. Moscova|бул. Москова',
      'str. Independenței|ул. Индепенденцей',
      'str. Calea Ieșilor|ул. Каля Ешилор',
    ],
  },
};

/** The language each state's records are written in. KZ, KG, TJ and BY police records are kept in Russian. */
export const STATE_LANG: Record<StateCode, TextLang> = {
  RU: 'ru',
  BY: 'ru',
  KZ: 'ru',
  KG: 'ru',
  TJ: 'ru',
  UZ: 'uz',
  AZ: 'az',
  MD: 'ro',
  AM: 'hy',
};

/** A concrete place: a locality of a state, optionally with a street address. */
export interface PlaceRef {
  state: StateCode;
  locality: Locality;
  street?: string;
  house?: number;
  flat?: number;
}

/** Builds a per-state table once, at module load. */
export function perState<T>(build: (state: StateCode) => T): Record<StateCode, T> {
  const out = {} as Record<StateCode, T>;
  for (const state of MEMBER_CODES) out[state] = build(state);
  return out;
}

const LOCALITY_TABLES = perState((state) => GEO[state].localities.map((l) => [l, l.weight] as const));

/** A town of a state, weighted by population. */
export function pickLocality(rng: Random, state: StateCode): Locality {
  return rng.weighted(LOCALITY_TABLES[state]);
}

/** A place in a state, with a street address when asked. */
export function pickPlace(rng: Random, state: StateCode, withAddress: boolean): PlaceRef {
  const locality = pickLocality(rng, state);
  if (!withAddress) return { state, locality };
  return {
    state,
    locality,
    street: rng.pick(GEO[state].streets),
    house: rng.int(1, 180),
    ...(rng.chance(0.75) ? { flat: rng.int(1, 320) } : {}),
  };
}

const TO_LANG: Record<Exclude<TextLang, 'ru'>, (s: string) => string> = {
  uz: russianToUzbek,
  az: russianToAzerbaijani,
  ro: russianToRomanian,
  hy: russianToArmenian,
};

/** The locality name as a record in `lang` writes it: the state's own name or a transliteration. */
export function localityName(place: PlaceRef, lang: TextLang): string {
  if (lang === 'ru') return place.locality.ru;
  if (STATE_LANG[place.state] === lang && place.locality.native) return place.locality.native;
  return TO_LANG[lang](place.locality.ru);
}

function regionName(place: PlaceRef, lang: TextLang): string | undefined {
  if (lang === 'ru') return place.locality.region;
  if (STATE_LANG[place.state] === lang) return place.locality.regionNative;
  return undefined;
}

function streetName(entry: string, lang: TextLang): { text: string; native: boolean } {
  const bar = entry.indexOf('|');
  if (bar < 0) return { text: entry, native: lang === 'ru' };
  return lang === 'ru' ? { text: entry.slice(bar + 1), native: true } : { text: entry.slice(0, bar), native: true };
}

const ADDRESS: Record<TextLang, (street: string, house: number, flat?: number) => string> = {
  ru: (s, h, f) => `${s}, д. ${h}${f ? `, кв. ${f}` : ''}`,
  az: (s, h, f) => `${s}, ev ${h}${f ? `, mənzil ${f}` : ''}`,
  uz: (s, h, f) => `${s}, ${h}-uy${f ? `, ${f}-xonadon` : ''}`,
  ro: (s, h, f) => `${s} ${h}${f ? `, ap. ${f}` : ''}`,
  hy: (s, h, f) => `${s}, տուն ${h}${f ? `, բն. ${f}` : ''}`,
};

/** The API's Place object for a place, written the way a record in `lang` writes it. */
export function renderPlace(place: PlaceRef, lang: TextLang, opts: { address?: string } = {}) {
  const region = regionName(place, lang);
  let address = opts.address;
  if (address === undefined && place.street !== undefined && place.house !== undefined) {
    const street = streetName(place.street, lang);
    // A foreign street is only written when the record's language has a spelling for it.
    if (street.native && (lang === 'ru' || STATE_LANG[place.state] === lang)) {
      address = ADDRESS[lang](street.text, place.house, place.flat);
    }
  }
  return {
    country: place.state as string,
    ...(region ? { region } : {}),
    locality: localityName(place, lang),
    ...(address ? { address } : {}),
  };
}
