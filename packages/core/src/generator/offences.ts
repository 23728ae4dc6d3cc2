/**
 * What a wanted person is wanted for: the article of the owner state's own criminal code,
 * the description in the owner's language, who issued the arrest decision, and the wording
 * of each category's legal basis.
 */
import type { StateCode, TextLang } from './geo.ts';
import { fill, type Phrase } from './lexicon.ts';
import type { Random } from './random.ts';

/** The offences behind interstate searches. */
export const OFFENCES = [
  'murder',
  'grave_harm',
  'theft',
  'fraud',
  'robbery',
  'armed_robbery',
  'extortion',
  'drugs',
  'arms',
  'criminal_group',
  'terrorism',
  'bribery',
  'kidnapping',
  'rape',
  'traffic',
] as const;
export type Offence = (typeof OFFENCES)[number];

/** How often each offence is behind an interstate search (fraud, theft and drugs dominate). */
export const OFFENCE_WEIGHTS: Readonly<Record<Offence, number>> = {
  murder: 8,
  grave_harm: 7,
  theft: 14,
  fraud: 18,
  robbery: 7,
  armed_robbery: 5,
  extortion: 4,
  drugs: 12,
  arms: 4,
  criminal_group: 3,
  terrorism: 2,
  bribery: 5,
  kidnapping: 1.5,
  rape: 2.5,
  traffic: 3,
};

/** Offences whose perpetrators are flagged armed / violent. */
export const VIOLENT: ReadonlySet<Offence> = new Set([
  'murder',
  'grave_harm',
  'robbery',
  'armed_robbery',
  'extortion',
  'kidnapping',
  'rape',
  'terrorism',
]);
export const ARMED: ReadonlySet<Offence> = new Set(['armed_robbery', 'terrorism', 'arms', 'criminal_group']);

/**
 * Article numbers (and the parts that occur) in each state's criminal code. Kyrgyzstan's
 * list is limited to the articles of the 2021 code we are sure of; Armenia cites the 2003
 * code, under which most of the warrants still in force were issued.
 */
const ARTICLES: Readonly<Record<StateCode, Partial<Record<Offence, readonly [string, readonly number[]]>>>> = {
  RU: {
    murder: ['105', [1, 2]],
    grave_harm: ['111', [1, 2, 4]],
    theft: ['158', [2, 3, 4]],
    fraud: ['159', [2, 3, 4]],
    robbery: ['161', [1, 2]],
    armed_robbery: ['162', [2, 3, 4]],
    extortion: ['163', [2, 3]],
    drugs: ['228.1', [3, 4, 5]],
    arms: ['222', [1, 2]],
    criminal_group: ['210', [1, 2]],
    terrorism: ['205', [1, 2]],
    bribery: ['290', [3, 5, 6]],
    kidnapping: ['126', [2]],
    rape: ['131', [1, 2]],
    traffic: ['264', [3, 4, 6]],
  },
  KZ: {
    murder: ['99', [1, 2]],
    grave_harm: ['106', [1, 2]],
    theft: ['188', [2, 3, 4]],
    fraud: ['190', [2, 3, 4]],
    robbery: ['191', [1, 2]],
    armed_robbery: ['192', [2, 3]],
    extortion: ['194', [2, 3]],
    drugs: ['297', [2, 3]],
    arms: ['287', [1, 2]],
    criminal_group: ['262', [1, 2]],
    terrorism: ['255', [1, 2]],
    bribery: ['366', [2, 3, 4]],
    kidnapping: ['125', [2]],
    rape: ['120', [1, 2]],
    traffic: ['345', [3, 4]],
  },
  BY: {
    murder: ['139', [1, 2]],
    grave_harm: ['147', [1, 2]],
    theft: ['205', [2, 3, 4]],
    fraud: ['209', [2, 3, 4]],
    robbery: ['206', [1, 2]],
    armed_robbery: ['207', [2, 3]],
    extortion: ['208', [2, 3]],
    drugs: ['328', [2, 3, 4]],
    arms: ['295', [1, 2]],
    criminal_group: ['285', [1, 2]],
    terrorism: ['289', [1, 2]],
    bribery: ['430', [2, 3]],
    kidnapping: ['182', [2]],
    rape: ['166', [1, 2]],
    traffic: ['317', [2, 3]],
  },
  KG: {
    murder: ['122', [1, 2]],
    theft: ['205', [2, 3]],
    robbery: ['206', [1, 2]],
    armed_robbery: ['207', [2, 3]],
    extortion: ['208', [2]],
    fraud: ['209', [2, 3]],
  },
  TJ: {
    murder: ['104', [1, 2]],
    grave_harm: ['110', [1, 2]],
    theft: ['244', [2, 3, 4]],
    fraud: ['247', [2, 3, 4]],
    robbery: ['248', [1, 2]],
    armed_robbery: ['249', [2, 3]],
    extortion: ['250', [2, 3]],
    drugs: ['200', [2, 3]],
    arms: ['195', [1, 2]],
    criminal_group: ['187', [1, 2]],
    terrorism: ['179', [1, 2, 3]],
    bribery: ['319', [2, 3]],
    kidnapping: ['130', [2]],
    rape: ['138', [1, 2]],
    traffic: ['211', [3, 4]],
  },
  UZ: {
    murder: ['97', [1, 2]],
    grave_harm: ['104', [1, 2]],
    theft: ['169', [2, 3, 4]],
    fraud: ['168', [2, 3, 4]],
    robbery: ['166', [2, 3]],
    armed_robbery: ['164', [2, 3]],
    extortion: ['165', [2, 3]],
    drugs: ['273', [3, 4, 5]],
    arms: ['247', [1, 2]],
    criminal_group: ['242', [1, 2]],
    terrorism: ['155', [2, 3]],
    bribery: ['210', [2, 3]],
    kidnapping: ['137', [2]],
    rape: ['118', [2, 3]],
    traffic: ['266', [2, 3]],
  },
  AZ: {
    murder: ['120', [1, 2]],
    grave_harm: ['126', [1, 2]],
    theft: ['177', [2, 3]],
    fraud: ['178', [2, 3, 4]],
    robbery: ['180', [2, 3]],
    armed_robbery: ['181', [2, 3]],
    extortion: ['182', [2, 3]],
    drugs: ['234', [2, 4]],
    arms: ['228', [1, 2]],
    terrorism: ['214', [1, 2]],
    bribery: ['311', [2, 3]],
    kidnapping: ['144', [2]],
    rape: ['149', [1, 2]],
    traffic: ['263', [2, 3]],
  },
  AM: {
    murder: ['104', [1, 2]],
    grave_harm: ['112', [1, 2]],
    theft: ['177', [2, 3]],
    fraud: ['178', [2, 3]],
    robbery: ['176', [2, 3]],
    armed_robbery: ['175', [2, 3]],
    extortion: ['182', [2, 3]],
    drugs: ['266', [2, 3]],
    arms: ['235', [1, 2]],
    terrorism: ['217', [1, 2]],
    bribery: ['311', [2, 3]],
    kidnapping: ['131', [2]],
    rape: ['138', [1, 2]],
    traffic: ['242', [2, 3]],
  },
  MD: {
    murder: ['145', [1, 2]],
    grave_harm: ['151', [1, 2]],
    theft: ['186', [2, 3]],
    fraud: ['190', [2, 3, 5]],
    robbery: ['187', [2, 3]],
    armed_robbery: ['188', [2, 3]],
    extortion: ['189', [2, 3]],
    drugs: ['217/1', [3, 4]],
    arms: ['290', [1, 2]],
    criminal_group: ['284', [1, 2]],
    terrorism: ['278', [1, 2]],
    bribery: ['324', [2, 3]],
    kidnapping: ['164', [2]],
    rape: ['171', [2, 3]],
    traffic: ['264', [3, 4]],
  },
};

const ordinalHy = (n: number) => (n === 1 ? '1-ին' : `${n}-րդ`);

/** The article as the owner state writes it, e.g. 'ч. 2 ст. 105 УК РФ', 'art. 186 alin. (2) CP RM'. */
function formatArticle(rng: Random, state: StateCode, article: string, part: number): string {
  switch (state) {
    case 'RU':
      return rng.chance(0.5) ? `ч. ${part} ст. ${article} УК РФ` : `ст. ${article} ч. ${part} УК РФ`;
    case 'KZ':
      return `ч. ${part} ст. ${article} УК РК`;
    case 'BY':
      return rng.chance(0.6) ? `ч. ${part} ст. ${article} УК Республики Беларусь` : `ч. ${part} ст. ${article} УК РБ`;
    case 'KG':
      return `ч. ${part} ст. ${article} УК КР`;
    case 'TJ':
      return `ч. ${part} ст. ${article} УК РТ`;
    case 'UZ':
      return `JK ${article}-moddasi ${part}-qismi`;
    case 'AZ':
      return `AR CM, maddə ${article}.${part}`;
    case 'AM':
      return `ՀՀ քր. օր. ${article}-րդ հոդվածի ${ordinalHy(part)} մաս`;
    case 'MD':
      return `art. ${article} alin. (${part}) CP RM`;
  }
}

const p = (ru: string, az: string, uz: string, ro: string, hy: string): Phrase => ({ ru, az, uz, ro, hy });

const DESCRIPTIONS: Readonly<Record<Offence, Phrase>> = {
  murder: p(
    'Умышленное убийство гражданина в ходе ссоры на почве личной неприязни.',
    'Şəxsi ədavət zəminində mübahisə zamanı vətəndaşı qəsdən öldürmə.',
    "Shaxsiy adovat zaminida janjal paytida fuqaroni qasddan o'ldirish.",
    'Omor intenționat al unui cetățean în timpul unei certuri pe fondul relațiilor ostile.',
    'Անձնական թշնամանքի հողի վրա վեճի ընթացքում քաղաքացու դիտավորյալ սպանություն։',
  ),
  grave_harm: p(
    'Умышленное причинение тяжкого вреда здоровью потерпевшего.',
    'Zərərçəkmişin sağlamlığına qəsdən ağır zərər vurma.',
    "Jabrlanuvchining sog'lig'iga qasddan og'ir shikast yetkazish.",
    'Vătămarea intenționată gravă a integrității corporale a victimei.',
    'Տուժողի առողջությանը դիտավորությամբ ծանր վնաս պատճառելը։',
  ),
  theft: p(
    'Тайное хищение чужого имущества в крупном размере.',
    'Külli miqdarda özgə əmlakının gizli talanması.',
    "Ko'p miqdorda o'zganing mulkini o'g'irlash.",
    'Sustragerea pe ascuns a bunurilor altei persoane în proporții mari.',
    'Խոշոր չափերով այլոց գույքի գաղտնի հափշտակություն։',
  ),
  fraud: p(
    'Хищение денежных средств граждан путём обмана и злоупотребления доверием.',
    'Aldatma və etimaddan sui-istifadə yolu ilə vətəndaşların pul vəsaitlərinin ələ keçirilməsi.',
    "Aldash va ishonchni suiiste'mol qilish yo'li bilan fuqarolarning pul mablag'larini talon-toroj qilish.",
    'Însușirea mijloacelor bănești ale cetățenilor prin înșelăciune și abuz de încredere.',
    'Քաղաքացիների դրամական միջոցների հափշտակում խաբեության և վստահությունը չարաշահելու միջոցով։',
  ),
  robbery: p(
    'Открытое хищение чужого имущества с применением насилия.',
    'Zor tətbiq etməklə özgə əmlakının açıq talanması.',
    "Zo'rlik ishlatib o'zganing mulkini ochiqdan-ochiq talon-toroj qilish.",
    'Sustragerea deschisă a bunurilor altei persoane cu aplicarea violenței.',
    'Բռնություն գործադրելով այլոց գույքի բացահայտ հափշտակություն։',
  ),
  armed_robbery: p(
    'Разбойное нападение с применением оружия на пункт обмена валюты.',
    'Valyuta mübadiləsi məntəqəsinə silah tətbiq etməklə quldurluq hücumu.',
    'Valyuta ayirboshlash shoxobchasiga qurol ishlatib bosqinchilik hujumi.',
    'Tâlhărie cu aplicarea armei asupra unui punct de schimb valutar.',
    'Զենք գործադրելով ավազակային հարձակում արտարժույթի փոխանակման կետի վրա։',
  ),
  extortion: p(
    'Вымогательство денежных средств под угрозой применения насилия.',
    'Zor tətbiq etmə hədəsi ilə pul tələb etmə.',
    "Zo'rlik ishlatish tahdidi ostida pul tovlamachiligi.",
    'Cererea de bani sub amenințarea aplicării violenței.',
    'Բռնություն գործադրելու սպառնալիքով դրամի շորթում։',
  ),
  drugs: p(
    'Незаконный сбыт наркотических средств в крупном размере в составе организованной группы.',
    'Mütəşəkkil dəstə tərkibində külli miqdarda narkotik vasitələrin qanunsuz satışı.',
    "Uyushgan guruh tarkibida ko'p miqdorda giyohvandlik vositalarini qonunga xilof ravishda sotish.",
    'Trafic ilicit de droguri în proporții deosebit de mari, comis de un grup criminal organizat.',
    'Կազմակերպված խմբի կազմում խոշոր չափերով թմրամիջոցների ապօրինի իրացում։',
  ),
  arms: p(
    'Незаконные приобретение, хранение и перевозка огнестрельного оружия и боеприпасов.',
    'Odlu silahın və döyüş sursatının qanunsuz əldə edilməsi, saxlanılması və daşınması.',
    "O'qotar qurol va o'q-dorilarni qonunga xilof ravishda egallash, saqlash va tashish.",
    'Procurarea, păstrarea și transportarea ilegală a armelor de foc și a muniției.',
    'Հրազենի և զինամթերքի ապօրինի ձեռքբերում, պահում և փոխադրում։',
  ),
  criminal_group: p(
    'Создание преступного сообщества и руководство им.',
    'Cinayətkar birliyin yaradılması və ona rəhbərlik edilməsi.',
    'Jinoiy uyushma tuzish va unga rahbarlik qilish.',
    'Crearea și conducerea unei organizații criminale.',
    'Հանցավոր համայնքի ստեղծում և ղեկավարում։',
  ),
  terrorism: p(
    'Участие в деятельности террористической организации.',
    'Terror təşkilatının fəaliyyətində iştirak.',
    'Terrorchilik tashkiloti faoliyatida ishtirok etish.',
    'Participarea la activitatea unei organizații teroriste.',
    'Մասնակցություն ահաբեկչական կազմակերպության գործունեությանը։',
  ),
  bribery: p(
    'Получение взятки должностным лицом в особо крупном размере.',
    'Vəzifəli şəxs tərəfindən xüsusilə külli miqdarda rüşvət alınması.',
    "Mansabdor shaxs tomonidan juda ko'p miqdorda pora olish.",
    'Corupere pasivă în proporții deosebit de mari.',
    'Պաշտոնատար անձի կողմից առանձնապես խոշոր չափերով կաշառք ստանալը։',
  ),
  kidnapping: p(
    'Похищение человека группой лиц по предварительному сговору.',
    'Qabaqcadan əlbir olan bir qrup şəxs tərəfindən adam oğurluğu.',
    "Oldindan til biriktirgan bir guruh shaxslar tomonidan odam o'g'irlash.",
    'Răpirea unei persoane de către un grup de persoane, prin înțelegere prealabilă.',
    'Նախնական համաձայնությամբ խմբի կողմից մարդու առևանգում։',
  ),
  rape: p(
    'Изнасилование, совершённое с применением насилия.',
    'Zor tətbiq etməklə zorlama.',
    "Zo'rlik ishlatib nomusga tegish.",
    'Viol săvârșit cu aplicarea violenței.',
    'Բռնաբարություն՝ բռնություն գործադրելով։',
  ),
  traffic: p(
    'Нарушение правил дорожного движения, повлёкшее по неосторожности смерть человека, с оставлением места ДТП.',
    'Yol hərəkəti qaydalarının pozulması nəticəsində ehtiyatsızlıqdan insan ölümü, hadisə yerini tərk etməklə.',
    "Yo'l harakati qoidalarini buzish natijasida ehtiyotsizlikdan odam o'limiga sabab bo'lish, voqea joyini tark etish bilan.",
    'Încălcarea regulilor de circulație rutieră care a cauzat din imprudență decesul unei persoane, cu părăsirea locului accidentului.',
    'Ճանապարհային երթևեկության կանոնների խախտում, որն անզգուշությամբ առաջացրել է մարդու մահ, պատահարի վայրը լքելով։',
  ),
};

/** An offence as the owner's record states it. */
export interface OffenceText {
  offence: Offence;
  article: string;
  description: string;
}

/** Draws an offence the owner state's code covers, with its article and description. */
export function drawOffence(rng: Random, state: StateCode, lang: TextLang, female: boolean): OffenceText {
  const table = ARTICLES[state];
  const entries = OFFENCES.filter((o) => table[o] !== undefined && !(female && o === 'rape')).map(
    (o) => [o, OFFENCE_WEIGHTS[o] * (female && VIOLENT.has(o) ? 0.4 : 1)] as const,
  );
  const offence = rng.weighted(entries);
  const [article, parts] = table[offence] ?? ['0', [1]];
  return { offence, article: formatArticle(rng, state, article, rng.pick(parts)), description: DESCRIPTIONS[offence][lang] };
}

/* ---------- who decides on arrest ---------- */

const RU_DISTRICTS = ['Центральный', 'Ленинский', 'Октябрьский', 'Советский', 'Кировский', 'Железнодорожный', 'Индустриальный'];
const MOSCOW_COURTS = ['Басманный', 'Тверской', 'Мещанский', 'Пресненский', 'Хамовнический', 'Замоскворецкий', 'Лефортовский', 'Кунцевский'];
const SPB_COURTS = ['Дзержинский', 'Смольнинский', 'Куйбышевский', 'Калининский', 'Невский'];
const BY_DISTRICTS = ['Ленинского', 'Октябрьского', 'Центрального', 'Советского', 'Первомайского', 'Московского', 'Фрунзенского'];

const FIXED_ISSUERS: Readonly<Partial<Record<StateCode, readonly string[]>>> = {
  KG: [
    'Первомайский районный суд г. Бишкек',
    'Октябрьский районный суд г. Бишкек',
    'Ленинский районный суд г. Бишкек',
    'Свердловский районный суд г. Бишкек',
    'Ошский городской суд',
    'Джалал-Абадский городской суд',
    'Каракольский городской суд',
    'Аламудунский районный суд Чуйской области',
  ],
  TJ: [
    'Суд района Сино г. Душанбе',
    'Суд района Фирдавси г. Душанбе',
    'Суд района Шохмансур г. Душанбе',
    'Суд района Исмоили Сомони г. Душанбе',
    'Суд г. Худжанда',
    'Суд г. Бохтара',
    'Суд г. Куляба',
    'Суд г. Турсунзаде',
  ],
  UZ: [
    "Toshkent shahar jinoyat ishlari bo'yicha Yunusobod tuman sudi",
    "Toshkent shahar jinoyat ishlari bo'yicha Chilonzor tuman sudi",
    "Toshkent shahar jinoyat ishlari bo'yicha Mirzo Ulug'bek tuman sudi",
    "Samarqand shahar jinoyat ishlari bo'yicha sudi",
    "Andijon shahar jinoyat ishlari bo'yicha sudi",
    "Farg'ona shahar jinoyat ishlari bo'yicha sudi",
    "Buxoro shahar jinoyat ishlari bo'yicha sudi",
    "Namangan shahar jinoyat ishlari bo'yicha sudi",
  ],
  AZ: [
    'Bakı şəhəri Nəsimi Rayon Məhkəməsi',
    'Bakı şəhəri Yasamal Rayon Məhkəməsi',
    'Bakı şəhəri Xətai Rayon Məhkəməsi',
    'Bakı şəhəri Binəqədi Rayon Məhkəməsi',
    'Bakı şəhəri Səbail Rayon Məhkəməsi',
    'Sumqayıt Şəhər Məhkəməsi',
    'Gəncə Şəhər Məhkəməsi',
    'Lənkəran Şəhər Məhkəməsi',
  ],
  AM: [
    'Երևան քաղաքի ընդհանուր իրավասության առաջին ատյանի դատարան',
    'Շիրակի մարզի ընդհանուր իրավասության առաջին ատյանի դատարան',
    'Լոռու մարզի ընդհանուր իրավասության առաջին ատյանի դատարան',
    'Կոտայքի մարզի ընդհանուր իրավասության առաջին ատյանի դատարան',
    'Արմավիրի մարզի ընդհանուր իրավասության առաջին ատյանի դատարան',
    'Սյունիքի մարզի ընդհանուր իրավասության առաջին ատյանի դատարան',
  ],
  MD: [
    'Judecătoria Chișinău, sediul Centru',
    'Judecătoria Chișinău, sediul Buiucani',
    'Judecătoria Chișinău, sediul Ciocana',
    'Judecătoria Chișinău, sediul Rîșcani',
    'Judecătoria Bălți',
    'Judecătoria Orhei',
    'Judecătoria Cahul',
    'Judecătoria Ungheni',
    'Judecătoria Comrat',
  ],
};

/** The court (or, in Belarus, the prosecutor) that ordered the arrest, near where the case is. */
export function warrantIssuer(rng: Random, state: StateCode, cityGenitive: string | undefined): string {
  const fixed = FIXED_ISSUERS[state];
  if (fixed) return rng.pick(fixed);
  const city = cityGenitive ?? (state === 'KZ' ? 'Алматы' : state === 'BY' ? 'Минска' : 'Москвы');
  if (state === 'RU') {
    if (city === 'Москвы') return `${rng.pick(MOSCOW_COURTS)} районный суд г. Москвы`;
    if (city === 'Санкт-Петербурга') return `${rng.pick(SPB_COURTS)} районный суд Санкт-Петербурга`;
    return `${rng.pick(RU_DISTRICTS)} районный суд г. ${city}`;
  }
  if (state === 'KZ') return `Специализированный следственный суд г. ${city}`;
  return `Прокуратура ${rng.pick(BY_DISTRICTS)} района г. ${city}`;
}

/* ---------- legal basis ---------- */

/** The kinds of legal basis a record cites. */
export type BasisKind = 'wanted' | 'missing' | 'corpse' | 'unidentified' | 'vehicle' | 'firearmLost' | 'firearmFound';

const BASIS: Readonly<Record<BasisKind, Phrase>> = {
  wanted: p(
    'Постановление о розыске обвиняемого от {date}, уголовное дело № {case}',
    'Təqsirləndirilən şəxsin axtarışa verilməsi haqqında {date} tarixli qərar, cinayət işi № {case}',
    "Ayblanuvchini qidiruvga berish to'g'risidagi {date} yildagi qaror, jinoyat ishi № {case}",
    'Ordonanța de anunțare în căutare a învinuitului din {date}, cauza penală nr. {case}',
    'Մեղադրյալին հետախուզում հայտարարելու մասին {date} որոշում, քրեական վարույթ № {case}',
  ),
  missing: p(
    'Розыскное дело № {case} от {date}',
    'Axtarış işi № {case}, {date}',
    'Qidiruv ishi № {case}, {date}',
    'Dosarul de căutare nr. {case} din {date}',
    'Հետախուզման գործ № {case}, {date}',
  ),
  corpse: p(
    'Материал проверки {kusp} № {case} от {date}, установление личности трупа',
    'Cinayət işi № {case} ({date}), meyitin şəxsiyyətinin müəyyən edilməsi',
    'Jinoyat ishi № {case} ({date}), murdaning shaxsini aniqlash',
    'Cauza penală nr. {case} din {date}, identificarea cadavrului',
    'Քրեական վարույթ № {case}, {date}, դիակի ինքնության պարզում',
  ),
  unidentified: p(
    'Материал проверки {kusp} № {case} от {date}, установление личности',
    'Şəxsiyyətin müəyyən edilməsi üzrə material № {case}, {date}',
    "Shaxsni aniqlash bo'yicha material № {case}, {date}",
    'Materialul de stabilire a identității nr. {case} din {date}',
    'Անձի ինքնության պարզման նյութ № {case}, {date}',
  ),
  vehicle: p(
    'Уголовное дело № {case} от {date} по факту хищения транспортного средства',
    'Nəqliyyat vasitəsinin oğurlanması faktı üzrə {date} tarixli cinayət işi № {case}',
    "Transport vositasini o'g'irlash fakti bo'yicha {date} yildagi jinoyat ishi № {case}",
    'Cauza penală nr. {case} din {date} privind furtul mijlocului de transport',
    'Տրանսպորտային միջոցի հափշտակման փաստով քրեական վարույթ № {case}, {date}',
  ),
  firearmLost: p(
    'Уголовное дело № {case} от {date} по факту хищения (утраты) оружия',
    'Silahın oğurlanması (itirilməsi) faktı üzrə cinayət işi № {case}, {date}',
    "Qurolni o'g'irlash (yo'qotish) fakti bo'yicha jinoyat ishi № {case}, {date}",
    'Cauza penală nr. {case} din {date} privind sustragerea (pierderea) armei',
    'Զենքի հափշտակման (կորստի) փաստով քրեական վարույթ № {case}, {date}',
  ),
  firearmFound: p(
    'Протокол изъятия от {date}, материал № {case}',
    'Götürülmə protokolu, {date}, material № {case}',
    "Olib qo'yish bayonnomasi, {date}, material № {case}",
    'Procesul-verbal de ridicare din {date}, materialul nr. {case}',
    'Առգրավման արձանագրություն, {date}, նյութ № {case}',
  ),
};

/** A case number in the owner's numbering (Russia's 17-digit criminal case numbers, KUSP numbers…). */
export function caseNumber(rng: Random, state: StateCode, kind: BasisKind, year: number): string {
  const yy = String(year % 100).padStart(2, '0');
  switch (state) {
    case 'RU':
      return kind === 'corpse' || kind === 'unidentified' || kind === 'firearmFound'
        ? String(rng.int(100, 39999))
        : `1${yy}0${rng.digits(4)}${rng.digits(9)}`;
    case 'KZ':
    case 'KG':
      return `${yy}${rng.digits(4)}0${rng.digits(8)}`;
    case 'BY':
      return `${yy}${rng.digits(7)}`;
    case 'UZ':
      return `${rng.int(1, 9999)}/${year}`;
    case 'AZ':
      return `${yy}${rng.digits(7)}`;
    case 'AM':
      return `${rng.digits(8)}${yy}`;
    case 'MD':
      return `${year}${rng.digits(6)}`;
    default:
      return `${rng.int(1, 9999)}/${yy}`;
  }
}

/**
 * Kazakhstan and Kyrgyzstan register every case in a unified pre-trial register (ЕРДР, ЕРПП)
 * and cite its number instead of a criminal-case or incident-book number.
 */
const REGISTER_BASIS: Readonly<Partial<Record<StateCode, Readonly<Record<BasisKind, string>>>>> = Object.fromEntries(
  (['KZ', 'KG'] as const).map((state) => {
    const reg = state === 'KZ' ? 'ЕРДР' : 'ЕРПП';
    return [
      state,
      {
        wanted: `Постановление о розыске подозреваемого от {date}, ${reg} № {case}`,
        missing: 'Розыскное дело № {case} от {date}',
        corpse: `${reg} № {case} от {date}, установление личности трупа`,
        unidentified: `${reg} № {case} от {date}, установление личности`,
        vehicle: `${reg} № {case} от {date} по факту хищения транспортного средства`,
        firearmLost: `${reg} № {case} от {date} по факту хищения (утраты) оружия`,
        firearmFound: `Протокол изъятия от {date}, ${reg} № {case}`,
      },
    ];
  }),
);

/** The incident book a Russian-language police record cites for a check: КУСП in Russia, КУИ in Belarus. */
const INCIDENT_BOOK: Readonly<Partial<Record<StateCode, string>>> = { RU: 'КУСП', BY: 'КУИ' };

/** The legal basis as the owner writes it, with its date and case number. */
export function legalBasisText(kind: BasisKind, state: StateCode, lang: TextLang, date: string, caseNo: string): string {
  const template = REGISTER_BASIS[state]?.[kind] ?? BASIS[kind][lang];
  return fill(template, { date, case: caseNo, kusp: INCIDENT_BOOK[state] ?? '' }).replace('  ', ' ');
}
