/**
 * The Belarusian and Ukrainian forms of names the Russian-speaking states write in Russian:
 * Дмитрий / Дзмітрый / Дмитро, Сергей / Сяргей / Сергій, Иванов / Іваноў / Іванов. Given names
 * (and so patronymics) come from a table of real pairs, because their forms are not derivable
 * (Елена / Алена / Олена, Григорий / Рыгор); surnames follow the spelling rules, which is what
 * registry clerks apply to them.
 */
import { belarusianPatronymic } from './index.ts';

/** The two national forms a Russian-spelled name can take. */
export type EastSlavicForm = 'be' | 'uk';

/** Common given names as Russian / Belarusian / Ukrainian spell them (official forms). */
const MALE: readonly (readonly [string, string, string])[] = [
  ['Александр', 'Аляксандр', 'Олександр'],
  ['Алексей', 'Аляксей', 'Олексій'],
  ['Анатолий', 'Анатоль', 'Анатолій'],
  ['Андрей', 'Андрэй', 'Андрій'],
  ['Антон', 'Антон', 'Антон'],
  ['Артём', 'Арцём', 'Артем'],
  ['Богдан', 'Багдан', 'Богдан'],
  ['Вадим', 'Вадзім', 'Вадим'],
  ['Валерий', 'Валерый', 'Валерій'],
  ['Василий', 'Васіль', 'Василь'],
  ['Виктор', 'Віктар', 'Віктор'],
  ['Виталий', 'Віталь', 'Віталій'],
  ['Владимир', 'Уладзімір', 'Володимир'],
  ['Владислав', 'Уладзіслаў', 'Владислав'],
  ['Вячеслав', 'Вячаслаў', 'Вʼячеслав'],
  ['Геннадий', 'Генадзь', 'Геннадій'],
  ['Григорий', 'Рыгор', 'Григорій'],
  ['Даниил', 'Данііл', 'Данило'],
  ['Денис', 'Дзяніс', 'Денис'],
  ['Дмитрий', 'Дзмітрый', 'Дмитро'],
  ['Евгений', 'Яўген', 'Євген'],
  ['Егор', 'Ягор', 'Єгор'],
  ['Иван', 'Іван', 'Іван'],
  ['Игорь', 'Ігар', 'Ігор'],
  ['Илья', 'Ілья', 'Ілля'],
  ['Кирилл', 'Кірыл', 'Кирило'],
  ['Константин', 'Канстанцін', 'Костянтин'],
  ['Леонид', 'Леанід', 'Леонід'],
  ['Максим', 'Максім', 'Максим'],
  ['Матвей', 'Мацвей', 'Матвій'],
  ['Михаил', 'Міхаіл', 'Михайло'],
  ['Никита', 'Мікіта', 'Микита'],
  ['Николай', 'Мікалай', 'Микола'],
  ['Олег', 'Алег', 'Олег'],
  ['Павел', 'Павел', 'Павло'],
  ['Пётр', 'Пётр', 'Петро'],
  ['Роман', 'Раман', 'Роман'],
  ['Руслан', 'Руслан', 'Руслан'],
  ['Сергей', 'Сяргей', 'Сергій'],
  ['Станислав', 'Станіслаў', 'Станіслав'],
  ['Степан', 'Сцяпан', 'Степан'],
  ['Тарас', 'Тарас', 'Тарас'],
  ['Тимофей', 'Цімафей', 'Тимофій'],
  ['Фёдор', 'Фёдар', 'Федір'],
  ['Эдуард', 'Эдуард', 'Едуард'],
  ['Юрий', 'Юрый', 'Юрій'],
  ['Ярослав', 'Яраслаў', 'Ярослав'],
];

const FEMALE: readonly (readonly [string, string, string])[] = [
  ['Александра', 'Аляксандра', 'Олександра'],
  ['Алина', 'Аліна', 'Аліна'],
  ['Анастасия', 'Анастасія', 'Анастасія'],
  ['Анна', 'Ганна', 'Ганна'],
  ['Валентина', 'Валянціна', 'Валентина'],
  ['Вера', 'Вера', 'Віра'],
  ['Виктория', 'Вікторыя', 'Вікторія'],
  ['Галина', 'Галіна', 'Галина'],
  ['Дарья', 'Дар’я', 'Дарія'],
  ['Евгения', 'Яўгенія', 'Євгенія'],
  ['Екатерина', 'Кацярына', 'Катерина'],
  ['Елена', 'Алена', 'Олена'],
  ['Ирина', 'Ірына', 'Ірина'],
  ['Кристина', 'Крысціна', 'Христина'],
  ['Ксения', 'Ксенія', 'Ксенія'],
  ['Лариса', 'Ларыса', 'Лариса'],
  ['Лидия', 'Лідзія', 'Лідія'],
  ['Любовь', 'Любоў', 'Любов'],
  ['Людмила', 'Людміла', 'Людмила'],
  ['Мария', 'Марыя', 'Марія'],
  ['Марина', 'Марына', 'Марина'],
  ['Надежда', 'Надзея', 'Надія'],
  ['Наталья', 'Наталля', 'Наталія'],
  ['Нина', 'Ніна', 'Ніна'],
  ['Оксана', 'Аксана', 'Оксана'],
  ['Ольга', 'Вольга', 'Ольга'],
  ['Полина', 'Паліна', 'Поліна'],
  ['Раиса', 'Раіса', 'Раїса'],
  ['Светлана', 'Святлана', 'Світлана'],
  ['Софья', 'Соф’я', 'Софія'],
  ['Тамара', 'Тамара', 'Тамара'],
  ['Татьяна', 'Таццяна', 'Тетяна'],
  ['Юлия', 'Юлія', 'Юлія'],
];

/** Ukrainian patronymic of a Ukrainian father's name: Сергій → Сергійович, Дмитро → Дмитрович / Дмитрівна. */
function ukrainianPatronymic(father: string, female: boolean): string {
  if (father === 'Микола') return female ? 'Миколаївна' : 'Миколайович';
  if (father === 'Ілля') return female ? 'Іллівна' : 'Ілліч';
  if (father === 'Федір') return female ? 'Федорівна' : 'Федорович';
  if (/[іаеиої]й$/.test(father)) return father.slice(0, -1) + (female ? 'ївна' : 'йович');
  if (/[оа]$/.test(father) || father.endsWith('ь')) return father.slice(0, -1) + (female ? 'івна' : 'ович');
  return father + (female ? 'івна' : 'ович');
}

/** Russian form → [Belarusian, Ukrainian], for given names and the patronymics made from them. */
const GIVEN = new Map<string, readonly [string, string]>();
const PATRONYMIC = new Map<string, readonly [string, string]>();
for (const [ru, be, uk] of [...MALE, ...FEMALE]) GIVEN.set(ru, [be, uk]);
for (const [ru, be, uk] of MALE) {
  for (const female of [false, true]) {
    PATRONYMIC.set(ruPatronymicOf(ru, female), [belarusianPatronymic(be, female), ukrainianPatronymic(uk, female)]);
  }
}

/** The Russian patronymic of a Russian father's name, for the lookup above (kept local: the generator's rule is in ./index.ts). */
function ruPatronymicOf(father: string, female: boolean): string {
  const irregular: Record<string, [string, string]> = {
    Илья: ['Ильич', 'Ильинична'],
    Никита: ['Никитич', 'Никитична'],
    Павел: ['Павлович', 'Павловна'],
    Пётр: ['Петрович', 'Петровна'],
    Михаил: ['Михайлович', 'Михайловна'],
  };
  const known = irregular[father];
  if (known) return known[female ? 1 : 0];
  let stem = father;
  let soft = false;
  if (father.endsWith('ий')) {
    const base = father.slice(0, -2);
    stem = /[бвгджзклмнпрстфхцчшщ]{2}$/.test(base) ? `${base}и` : `${base}ь`;
    soft = true;
  } else if (/[еаоу]й$/.test(father) || father.endsWith('ь')) {
    stem = father.slice(0, -1);
    soft = true;
  } else if (/[аяжшчщц]$/.test(father)) {
    soft = true;
  }
  return stem + (soft ? (female ? 'евна' : 'евич') : female ? 'овна' : 'ович');
}

const capitalize = (model: string, s: string) => (model.charAt(0) !== model.charAt(0).toLowerCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * Belarusian spelling rules applied to a Russian-spelled word: hard р ч ш ж ц (Сергей → Сяргей
 * is tabled, but Грищенко → Грышчэнка), дз/ц for soft д/т, і for и, шч for щ, -оў/-еў for final
 * -ов/-ев, -скі for -ский. Akanye is left out: it needs the stress, which spelling does not show.
 */
function belarusianWord(word: string): string {
  let s = word.toLowerCase();
  s = s
    .replace(/(ск|цк)ий$/, '$1і')
    .replace(/ий$/, 'і')
    .replace(/ый$/, 'ы')
    .replace(/([ое])в$/, '$1ў')
    .replace(/ёв$/, 'ёў')
    .replace(/енко$/, 'енка');
  // Hardening first: the ц that soft т becomes stays soft (Тимошенко → Цімошэнка).
  s = s
    .replace(/([рчшжц])и/g, '$1ы')
    .replace(/([рчшжц])е/g, '$1э')
    .replace(/р[ья]/g, (m) => (m === 'рь' ? 'р' : 'ра'));
  s = s.replace(/д(?=[еёюяиь])/g, 'дз').replace(/т(?=[еёюяиь])/g, 'ц');
  s = s.replace(/и/g, 'і').replace(/щ/g, 'шч').replace(/ъ/g, 'ʼ');
  return s;
}

/** Ukrainian spelling rules on a Russian-spelled word: і for и, и for ы, є, -ський, ьо for ё. */
function ukrainianWord(word: string): string {
  const src = word
    .toLowerCase()
    .replace(/([сц])кий$/, '$1ький')
    .replace(/([сц])кая$/, '$1ька');
  const vowels = 'аеёиоуыэюяіїє';
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    const prev = out.charAt(out.length - 1);
    const initial = i === 0 || vowels.includes(prev) || prev === 'ʼ';
    if (ch === 'и') out += src.slice(i).startsWith('ий') && i + 2 === src.length ? 'ий' : 'і';
    else if (ch === 'ы') out += 'и';
    else if (ch === 'э') out += 'е';
    else if (ch === 'е') out += initial ? 'є' : 'е';
    else if (ch === 'ё') out = prev === 'ь' ? `${out.slice(0, -1)}йо` : out + (initial ? 'йо' : 'ьо');
    else if (ch === 'ъ') out += 'ʼ';
    else out += ch;
    if (ch === 'и' && src.slice(i).startsWith('ий') && i + 2 === src.length) break;
  }
  return out;
}

const byWord = (text: string, rule: (w: string) => string) =>
  text
    .split(/([\s-]+)/)
    .map((part, i) => (i % 2 === 1 || part === '' ? part : capitalize(part, rule(part))))
    .join('');

/** One name part of a Russian-spelled name in Belarusian or Ukrainian form. */
export function eastSlavicPart(ru: string, part: 'surname' | 'given' | 'patronymic', form: EastSlavicForm): string {
  if (part === 'given' && ru.includes(' '))
    return ru
      .split(' ')
      .map((w) => eastSlavicPart(w, 'given', form))
      .join(' ');
  const table = part === 'given' ? GIVEN : part === 'patronymic' ? PATRONYMIC : undefined;
  const tabled = table?.get(ru);
  if (tabled) return tabled[form === 'be' ? 0 : 1];
  if (part === 'patronymic' && form === 'uk') {
    // Unknown fathers' names: the endings still follow the Ukrainian pattern (-івна for -овна/-евна).
    const m = /^(.+?)(ович|евич|овна|евна)$/.exec(ru);
    if (!m?.[1]) return byWord(ru, ukrainianWord);
    return byWord(m[1], ukrainianWord) + (m[2]?.endsWith('на') ? 'івна' : 'ович');
  }
  if (part === 'patronymic') return byWord(ru.replace(/овна$/, 'аўна').replace(/евна$/, 'еўна').replace(/ович$/, 'авіч'), belarusianWord);
  return byWord(ru, form === 'be' ? belarusianWord : ukrainianWord);
}
