/**
 * The free-text vocabulary of the records, in each language the members write them in:
 * Russian (RU, BY, KZ, KG, TJ), Uzbek, Azerbaijani, Romanian and Armenian. Phrases are
 * written the way police records phrase them, not translated word for word.
 */
import type { TextLang } from './geo.ts';

/** One phrase in every language the members' records are written in. */
export type Phrase = Readonly<Record<TextLang, string>>;
/** A phrase whose Russian form agrees with the person's sex. */
export type SexedPhrase = Readonly<Record<TextLang, string>> & { readonly ruF: string };

const p = (ru: string, az: string, uz: string, ro: string, hy: string): Phrase => ({ ru, az, uz, ro, hy });

export const EYE_COLOURS = {
  brown: p('карие', 'qəhvəyi', 'jigarrang', 'căprui', 'շագանակագույն'),
  blue: p('голубые', 'mavi', "ko'k", 'albaștri', 'կապույտ'),
  grey: p('серые', 'boz', 'kulrang', 'gri', 'մոխրագույն'),
  green: p('зелёные', 'yaşıl', 'yashil', 'verzi', 'կանաչ'),
  black: p('чёрные', 'qara', 'qora', 'negri', 'սև'),
  hazel: p('серо-зелёные', 'ala', 'ola', 'verzi-căprui', 'դարչնականաչ'),
} as const;
export type EyeColour = keyof typeof EYE_COLOURS;

export const HAIR_COLOURS = {
  black: p('чёрные', 'qara', 'qora', 'negru', 'սև'),
  darkBrown: p('тёмно-русые', 'tünd şabalıdı', "to'q jigarrang", 'șaten închis', 'մուգ շագանակագույն'),
  brown: p('русые', 'açıq şabalıdı', 'och jigarrang', 'șaten', 'բաց շագանակագույն'),
  blond: p('светлые', 'sarı', 'sariq', 'blond', 'շիկահեր'),
  red: p('рыжие', 'kürən', 'malla', 'roșcat', 'կարմրահեր'),
  grey: p('седые', 'çal', 'oq oralagan', 'cărunt', 'ալեհեր'),
  bald: p('лысый', 'keçəl', 'kal', 'chel', 'ճաղատ'),
} as const;
export type HairColour = keyof typeof HAIR_COLOURS;

export const BODY_LOCATIONS = {
  leftShoulder: p('левое плечо', 'sol çiyin', 'chap yelka', 'umărul stâng', 'ձախ ուս'),
  rightShoulder: p('правое плечо', 'sağ çiyin', "o'ng yelka", 'umărul drept', 'աջ ուս'),
  leftForearm: p('левое предплечье', 'sol said', 'chap bilak', 'antebrațul stâng', 'ձախ նախաբազուկ'),
  rightForearm: p('правое предплечье', 'sağ said', "o'ng bilak", 'antebrațul drept', 'աջ նախաբազուկ'),
  leftHand: p('кисть левой руки', 'sol əl', "chap qo'l panjasi", 'mâna stângă', 'ձախ ձեռքի դաստակ'),
  rightFingers: p('пальцы правой руки', 'sağ əlin barmaqları', "o'ng qo'l barmoqlari", 'degetele mâinii drepte', 'աջ ձեռքի մատներ'),
  chest: p('грудь', 'sinə', "ko'krak", 'piept', 'կրծքավանդակ'),
  back: p('спина', 'kürək', 'orqa', 'spate', 'մեջք'),
  neck: p('шея', 'boyun', "bo'yin", 'gât', 'պարանոց'),
  leftCheek: p('левая щека', 'sol yanaq', 'chap yonoq', 'obrazul stâng', 'ձախ այտ'),
  forehead: p('лоб', 'alın', 'peshona', 'frunte', 'ճակատ'),
  abdomen: p('живот', 'qarın', 'qorin', 'abdomen', 'որովայն'),
  leftEar: p('левое ухо', 'sol qulaq', 'chap quloq', 'urechea stângă', 'ձախ ականջ'),
  teeth: p('зубы', 'dişlər', 'tishlar', 'dinți', 'ատամներ'),
} as const;
export type BodyLocation = keyof typeof BODY_LOCATIONS;

export type MarkKind = 'scar' | 'tattoo' | 'birthmark' | 'piercing' | 'amputation' | 'other';

export interface MarkTemplate {
  kind: MarkKind;
  text: Phrase;
  /** Where this mark can be; the first is the usual place. */
  locations: readonly BodyLocation[];
  /** Relative frequency among marks. */
  weight: number;
  /** Army and prison tattoos, almost never seen on women. */
  maleOnly?: boolean;
}

export const MARKS: readonly MarkTemplate[] = [
  {
    kind: 'tattoo',
    weight: 3,
    maleOnly: true,
    text: p(
      'татуировка: парашют и надпись «ВДВ»',
      'döymə: paraşüt və «VDV» yazısı',
      'tatuirovka: parashyut va «VDV» yozuvi',
      'tatuaj: parașută și inscripția «VDV»',
      'դաջվածք՝ պարաշյուտ և «ВДВ» գրություն',
    ),
    locations: ['leftShoulder', 'rightShoulder'],
  },
  {
    kind: 'tattoo',
    weight: 2,
    maleOnly: true,
    text: p(
      'татуировки-перстни на пальцах',
      'barmaqlarda üzük şəklində döymələr',
      'barmoqlarda uzuk shaklidagi tatuirovkalar',
      'tatuaje în formă de inele pe degete',
      'մատների վրա մատանու տեսքով դաջվածքներ',
    ),
    locations: ['rightFingers'],
  },
  {
    kind: 'tattoo',
    weight: 1.5,
    maleOnly: true,
    text: p(
      'татуировка: церковь с куполами',
      'döymə: günbəzli kilsə',
      'tatuirovka: gumbazli cherkov',
      'tatuaj: biserică cu cupole',
      'դաջվածք՝ գմբեթավոր եկեղեցի',
    ),
    locations: ['back', 'chest'],
  },
  {
    kind: 'tattoo',
    weight: 2,
    text: p(
      'татуировка: надпись «Мама»',
      'döymə: «Ana» yazısı',
      'tatuirovka: «Ona» yozuvi',
      'tatuaj: inscripția «Mama»',
      'դաջվածք՝ «Մայրիկ» գրություն',
    ),
    locations: ['leftHand', 'leftForearm'],
  },
  {
    kind: 'tattoo',
    weight: 2,
    text: p('татуировка: дракон', 'döymə: əjdaha', 'tatuirovka: ajdaho', 'tatuaj: dragon', 'դաջվածք՝ վիշապ'),
    locations: ['rightForearm', 'back', 'rightShoulder'],
  },
  {
    kind: 'tattoo',
    weight: 1,
    maleOnly: true,
    text: p(
      'татуировка: восьмиконечные звёзды',
      'döymə: səkkizguşəli ulduzlar',
      'tatuirovka: sakkiz qirrali yulduzlar',
      'tatuaj: stele cu opt colțuri',
      'դաջվածք՝ ութաթև աստղեր',
    ),
    locations: ['chest'],
  },
  {
    kind: 'tattoo',
    weight: 1.5,
    text: p('татуировка: иероглифы', 'döymə: heroqliflər', 'tatuirovka: ierogliflar', 'tatuaj: hieroglife', 'դաջվածք՝ հիերոգլիֆներ'),
    locations: ['neck', 'leftForearm'],
  },
  {
    kind: 'scar',
    weight: 4,
    text: p(
      'шрам длиной около {n} см',
      'təxminən {n} sm uzunluğunda çapıq',
      'uzunligi {n} sm atrofidagi chandiq',
      'cicatrice de circa {n} cm',
      'մոտ {n} սմ երկարությամբ սպի',
    ),
    locations: ['leftCheek', 'forehead', 'leftForearm', 'rightForearm', 'abdomen'],
  },
  {
    kind: 'scar',
    weight: 2,
    text: p('послеоперационный рубец', 'əməliyyatdan sonrakı çapıq', 'operatsiyadan keyingi chandiq', 'cicatrice postoperatorie', 'վիրահատական սպի'),
    locations: ['abdomen', 'chest'],
  },
  {
    kind: 'birthmark',
    weight: 2,
    text: p('родимое пятно', 'anadangəlmə xal', "tug'ma dog'", 'semn din naștere', 'ծննդյան բիծ'),
    locations: ['neck', 'leftCheek', 'back'],
  },
  {
    kind: 'piercing',
    weight: 1,
    text: p('прокол мочки уха', 'qulaq məməciyində deşik', "quloq solinchog'i teshilgan", 'lobul urechii perforat', 'ականջի բլթակի ծակ'),
    locations: ['leftEar'],
  },
  {
    kind: 'amputation',
    weight: 0.5,
    text: p(
      'отсутствует ногтевая фаланга пальца',
      'barmağın dırnaq falanqası yoxdur',
      "barmoqning tirnoq falangasi yo'q",
      'lipsește falanga unui deget',
      'բացակայում է մատի եղունգային ֆալանգը',
    ),
    locations: ['leftHand'],
  },
  {
    kind: 'other',
    weight: 1.5,
    maleOnly: true,
    text: p(
      'золотые коронки на передних зубах',
      'ön dişlərdə qızıl taclar',
      'old tishlarida tilla tojlar',
      'coroane de aur pe dinții din față',
      'առջևի ատամներին ոսկե պսակներ',
    ),
    locations: ['teeth'],
  },
];

/* ---------- clothing: "куртка чёрного цвета", "qara gödəkçə", "geacă de culoare neagră" ---------- */

const COLOUR_WORDS = {
  black: p('чёрного', 'qara', 'qora', 'neagră', 'սև'),
  navy: p('тёмно-синего', 'tünd göy', "to'q ko'k", 'bleumarin', 'մուգ կապույտ'),
  grey: p('серого', 'boz', 'kulrang', 'gri', 'մոխրագույն'),
  white: p('белого', 'ağ', 'oq', 'albă', 'սպիտակ'),
  brown: p('коричневого', 'qəhvəyi', 'jigarrang', 'maro', 'շագանակագույն'),
  green: p('зелёного', 'yaşıl', 'yashil', 'verde', 'կանաչ'),
  red: p('красного', 'qırmızı', 'qizil', 'roșie', 'կարմիր'),
  beige: p('бежевого', 'bej', 'och jigarrang', 'bej', 'բեժ'),
  blue: p('синего', 'göy', "ko'k", 'albastră', 'կապույտ'),
  burgundy: p('бордового', 'tünd qırmızı', "to'q qizil", 'bordo', 'բորդո'),
} as const;
type ColourWord = keyof typeof COLOUR_WORDS;

const GARMENTS = {
  jacket: p('куртка', 'gödəkçə', 'kurtka', 'geacă', 'բաճկոն'),
  coat: p('пальто', 'palto', 'palto', 'palton', 'վերարկու'),
  sweater: p('свитер', 'sviter', 'sviter', 'pulover', 'սվիտեր'),
  tshirt: p('футболка', 'futbolka', 'futbolka', 'tricou', 'շապիկ'),
  jeans: p('джинсы', 'cins şalvar', 'jinsi shim', 'blugi', 'ջինսե տաբատ'),
  trousers: p('брюки', 'şalvar', 'shim', 'pantaloni', 'տաբատ'),
  dress: p('платье', 'don', "ko'ylak", 'rochie', 'զգեստ'),
  skirt: p('юбка', 'ətək', 'yubka', 'fustă', 'կիսաշրջազգեստ'),
  sneakers: p('кроссовки', 'idman ayaqqabısı', 'krossovka', 'adidași', 'սպորտային կոշիկներ'),
  boots: p('ботинки', 'botinka', 'botinka', 'ghete', 'կիսաճտքավոր կոշիկներ'),
  shoes: p('туфли', 'tufli', 'tufli', 'pantofi', 'կոշիկներ'),
  cap: p('шапка', 'papaq', 'shapka', 'căciulă', 'գլխարկ'),
  headscarf: p('платок', 'yaylıq', "ro'mol", 'batic', 'գլխաշոր'),
  tracksuit: p('спортивный костюм', 'idman kostyumu', 'sport kostyumi', 'trening', 'սպորտային համազգեստ'),
} as const;
export type Garment = keyof typeof GARMENTS;

export interface ClothingItem {
  garment: Garment;
  colour: ColourWord;
}

export const COLOURS = Object.keys(COLOUR_WORDS) as ColourWord[];

/** One garment as a record in `lang` describes it. */
export function clothingText(items: readonly ClothingItem[], lang: TextLang): string {
  return items
    .map(({ garment, colour }) => {
      const g = GARMENTS[garment][lang];
      const c = COLOUR_WORDS[colour][lang];
      if (lang === 'ru') return `${g} ${c} цвета`;
      if (lang === 'ro') return `${g} de culoare ${c}`;
      return `${c} ${g}`;
    })
    .join(', ');
}

/* ---------- missing persons: circumstances ---------- */

const s = (ru: string, ruF: string, az: string, uz: string, ro: string, hy: string): SexedPhrase => ({ ru, ruF, az, uz, ro, hy });

export const CIRCUMSTANCES = {
  leftHome: s(
    '{date} ушёл из дома по месту жительства и не вернулся, связь отсутствует.',
    '{date} ушла из дома по месту жительства и не вернулась, связь отсутствует.',
    '{date} yaşadığı evdən çıxıb və geri qayıtmayıb, əlaqə yoxdur.',
    "{date} yashash joyidagi uydan chiqib ketgan va qaytmagan, aloqa yo'q.",
    'La {date} a plecat de acasă și nu s-a mai întors, legătura lipsește.',
    '{date} դուրս է եկել բնակության վայրից և չի վերադարձել, կապ չկա։',
  ),
  labourMigrant: s(
    'Выехал на заработки в Российскую Федерацию, с {year} года связь с родственниками прекратилась.',
    'Выехала на заработки в Российскую Федерацию, с {year} года связь с родственниками прекратилась.',
    'İşləmək üçün Rusiya Federasiyasına gedib, {year}-ci ildən qohumları ilə əlaqə kəsilib.',
    "Rossiya Federatsiyasiga ishlash uchun ketgan, {year}-yildan beri qarindoshlari bilan aloqa yo'q.",
    'A plecat la muncă în Federația Rusă, din {year} legătura cu rudele s-a întrerupt.',
    'Մեկնել է Ռուսաստանի Դաշնություն աշխատանքի, {year} թվականից կապը հարազատների հետ ընդհատվել է։',
  ),
  school: s(
    '{date} не вернулся домой из школы.',
    '{date} не вернулась домой из школы.',
    '{date} məktəbdən evə qayıtmayıb.',
    '{date} maktabdan uyga qaytmagan.',
    'La {date} nu s-a întors acasă de la școală.',
    '{date} դպրոցից տուն չի վերադարձել։',
  ),
  dementia: s(
    'Страдает потерей памяти, {date} ушёл из дома в неизвестном направлении.',
    'Страдает потерей памяти, {date} ушла из дома в неизвестном направлении.',
    'Yaddaş itkisindən əziyyət çəkir, {date} evdən naməlum istiqamətə gedib.',
    "Xotira yo'qolishidan aziyat chekadi, {date} uydan noma'lum tomonga chiqib ketgan.",
    'Suferă de pierderi de memorie, la {date} a plecat de acasă într-o direcție necunoscută.',
    'Տառապում է հիշողության կորստով, {date} տնից հեռացել է անհայտ ուղղությամբ։',
  ),
  fishing: s(
    '{date} ушёл на рыбалку и не вернулся.',
    '{date} ушла на прогулку в лесной массив и не вернулась.',
    '{date} balıq tutmağa gedib və geri qayıtmayıb.',
    '{date} baliq oviga ketib, qaytmagan.',
    'La {date} a plecat la pescuit și nu s-a mai întors.',
    '{date} գնացել է ձկնորսության և չի վերադարձել։',
  ),
  travel: s(
    '{date} выехал на автомобиле в {place}, к месту назначения не прибыл.',
    '{date} выехала на автомобиле в {place}, к месту назначения не прибыла.',
    '{date} avtomobillə {place} istiqamətinə yola düşüb, təyinat yerinə çatmayıb.',
    "{date} avtomobilda {place} tomonga yo'l olgan, manzilga yetib bormagan.",
    'La {date} a plecat cu automobilul spre {place}, nu a ajuns la destinație.',
    '{date} մեկնել է ավտոմեքենայով դեպի {place}, նշանակման վայր չի հասել։',
  ),
} as const;
export type Circumstance = keyof typeof CIRCUMSTANCES;

/* ---------- unidentified persons ---------- */

export const CONDITIONS = {
  disoriented: p(
    'Не может назвать своё имя и адрес, дезориентирован во времени и пространстве.',
    'Adını və ünvanını deyə bilmir, zaman və məkanda oriyentasiyanı itirib.',
    'Ismi va manzilini ayta olmaydi, vaqt va makonda chalkashadi.',
    'Nu își poate spune numele și adresa, este dezorientat temporo-spațial.',
    'Չի կարողանում նշել իր անունը և հասցեն, ապակողմնորոշված է ժամանակի և տարածության մեջ։',
  ),
  amnesia: p(
    'Амнезия после черепно-мозговой травмы.',
    'Kəllə-beyin travmasından sonra amneziya.',
    'Bosh miya jarohatidan keyingi amneziya.',
    'Amnezie după traumatism craniocerebral.',
    'Ամնեզիա գանգուղեղային վնասվածքից հետո։',
  ),
  child: p(
    'Ребёнок, в силу возраста не может сообщить сведения о себе.',
    'Uşaqdır, yaşına görə özü haqqında məlumat verə bilmir.',
    "Bola, yoshi tufayli o'zi haqida ma'lumot bera olmaydi.",
    'Copil, din cauza vârstei nu poate oferi date despre sine.',
    'Երեխա է, տարիքի պատճառով չի կարող տեղեկություններ հայտնել իր մասին։',
  ),
  dementia: p(
    'Страдает деменцией, речь невнятная.',
    'Demensiyadan əziyyət çəkir, nitqi aydın deyil.',
    'Demensiyadan aziyat chekadi, nutqi tushunarsiz.',
    'Suferă de demență, vorbire neclară.',
    'Տառապում է դեմենցիայով, խոսքն անհասկանալի է։',
  ),
  mental: p(
    'Психическое расстройство, на вопросы не отвечает.',
    'Psixi pozuntu, suallara cavab vermir.',
    'Ruhiy buzilish, savollarga javob bermaydi.',
    'Tulburare psihică, nu răspunde la întrebări.',
    'Հոգեկան խանգարում, հարցերին չի պատասխանում։',
  ),
  deaf: p(
    'Глухонемой, грамоте не обучен.',
    'Lal-kardır, savadı yoxdur.',
    'Kar-soqov, savodsiz.',
    'Surdomut, nu știe carte.',
    'Խուլ ու համր է, գրագետ չէ։',
  ),
} as const;
export type Condition = keyof typeof CONDITIONS;

/** Where an unidentified living person is now, as the owner names the institution. */
export const INSTITUTIONS: Readonly<Record<'hospital' | 'care_home' | 'orphanage' | 'other', Phrase>> = {
  hospital: p(
    'Городская клиническая больница № {n}',
    'Şəhər {n} saylı Kliniki Xəstəxana',
    '{n}-son shahar klinik shifoxonasi',
    'Spitalul Clinic Municipal nr. {n}',
    'Թիվ {n} համալսարանական հիվանդանոց',
  ),
  care_home: p(
    'Психоневрологический интернат № {n}',
    '{n} saylı Psixonevroloji İnternat',
    '{n}-son ruhiy-asab kasalliklari internati',
    'Internatul psihoneurologic nr. {n}',
    'Թիվ {n} հոգեկան առողջության կենտրոն',
  ),
  orphanage: p(
    'Центр содействия семейному воспитанию № {n}',
    '{n} saylı Uşaq evi',
    '{n}-son Mehribonlik uyi',
    'Centrul de plasament pentru copii nr. {n}',
    'Թիվ {n} մանկատուն',
  ),
  other: p(
    'Центр социальной адаптации № {n}',
    '{n} saylı Sosial sığınacaq',
    '{n}-son ijtimoiy moslashuv markazi',
    'Centrul de plasament temporar nr. {n}',
    'Թիվ {n} սոցիալական ապաստարան',
  ),
};

/** Where bodies are found. */
export const FOUND_SITES: readonly Phrase[] = [
  p('лесной массив', 'meşə massivi', "o'rmon hududi", 'masiv forestier', 'անտառային զանգված'),
  p('берег реки', 'çay sahili', "daryo qirg'og'i", 'malul râului', 'գետի ափ'),
  p('заброшенное здание', 'tərk edilmiş bina', 'tashlandiq bino', 'clădire abandonată', 'լքված շենք'),
  p('обочина автодороги', 'avtomobil yolunun kənarı', "avtomobil yo'li cheti", 'marginea drumului', 'ավտոճանապարհի եզր'),
  p('подвал жилого дома', 'yaşayış binasının zirzəmisi', "turar-joy binosining yerto'lasi", 'subsolul unui bloc locativ', 'բնակելի շենքի նկուղ'),
  p('строительный объект', 'tikinti obyekti', 'qurilish obyekti', 'șantier de construcție', 'շինհրապարակ'),
  p('теплотрасса', 'istilik xətti', 'issiqlik trassasi', 'rețeaua de termoficare', 'ջեռուցման մայրուղի'),
];

export const VEHICLE_COLOURS: readonly (Phrase & { weight: number })[] = [
  { ...p('белый', 'ağ', 'oq', 'alb', 'սպիտակ'), weight: 5 },
  { ...p('чёрный', 'qara', 'qora', 'negru', 'սև'), weight: 4 },
  { ...p('серебристый', 'gümüşü', 'kumushrang', 'argintiu', 'արծաթագույն'), weight: 4 },
  { ...p('серый', 'boz', 'kulrang', 'gri', 'մոխրագույն'), weight: 3 },
  { ...p('синий', 'göy', "ko'k", 'albastru', 'կապույտ'), weight: 2 },
  { ...p('красный', 'qırmızı', 'qizil', 'roșu', 'կարմիր'), weight: 1.5 },
  { ...p('зелёный', 'yaşıl', 'yashil', 'verde', 'կանաչ'), weight: 1 },
  { ...p('бежевый', 'bej', 'bej', 'bej', 'բեժ'), weight: 1 },
  { ...p('коричневый', 'qəhvəyi', 'jigarrang', 'maro', 'շագանակագույն'), weight: 0.7 },
  { ...p('вишнёвый', 'albalı rəngli', 'olcha rang', 'vișiniu', 'բալագույն'), weight: 0.8 },
];

/** Fills `{name}` placeholders. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));

/** Remarks operators add to wanted-person records. */
export const WANTED_REMARKS: readonly Phrase[] = [
  p(
    'Может использовать документы на чужое имя.',
    'Başqasının adına olan sənədlərdən istifadə edə bilər.',
    'Boshqa shaxs nomidagi hujjatlardan foydalanishi mumkin.',
    'Poate folosi documente pe numele altei persoane.',
    'Կարող է օգտագործել այլ անձի անունով փաստաթղթեր։',
  ),
  p(
    'Возможно, находится на территории государств — участников СНГ.',
    'MDB iştirakçı dövlətlərinin ərazisində ola bilər.',
    "MDH ishtirokchi davlatlari hududida bo'lishi mumkin.",
    'Se poate afla pe teritoriul statelor membre ale CSI.',
    'Հնարավոր է՝ գտնվում է ԱՊՀ մասնակից պետությունների տարածքում։',
  ),
  p(
    'При задержании оказывал сопротивление.',
    'Saxlanılarkən müqavimət göstərib.',
    "Ushlanganda qarshilik ko'rsatgan.",
    'La reținere a opus rezistență.',
    'Ձերբակալման ժամանակ դիմադրություն է ցույց տվել։',
  ),
];
