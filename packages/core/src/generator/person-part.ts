/**
 * The person section of a record as the owner state writes it: names in its script with the
 * passport's Latin form, partial birth dates, documents it knows of, the description in its
 * language. The name-level corruptions are decided here, before rendering.
 */
import type { PersonName, PersonPart } from '../schemas/person.ts';
import { isoOf, fromDay } from './calendar.ts';
import type { Context } from './context.ts';
import { renderPlace, type PlaceRef, type StateCode, type TextLang } from './geo.ts';
import { BODY_LOCATIONS, EYE_COLOURS, HAIR_COLOURS, MARKS, fill } from './lexicon.ts';
import { eastSlavicPart, type EastSlavicForm } from './names/east-slavic.ts';
import { otherGivenName, otherSurname, reformedSurname, type NameForms, type Nationality, type TruthName } from './names/index.ts';
import {
  LATIN_ROUTES,
  renderLatin,
  renderModes,
  renderName,
  sameSpelling,
  type LatinRoute,
  type PrimaryStyle,
  type RenderMode,
} from './names/render.ts';
import type { ForeignPlace, Mark, PersonTruth } from './persons.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';
import {
  romanizeBelarusian,
  romanizeUkrainian,
  russianToArmenian,
  russianToAzerbaijani,
  russianToRomanian,
  russianToUzbek,
  upperName,
} from './transliterate.ts';

const UZ_APOSTROPHES: readonly (readonly [string, number])[] = [
  ["'", 55],
  ['ʻ', 30],
  ['’', 10],
  ['`', 5],
];

function birthFields(p: PersonTruth): Pick<PersonPart, 'birthDate' | 'birthDateRange'> {
  const iso = isoOf(p.birth);
  switch (p.precision) {
    case 'day':
      return { birthDate: iso };
    case 'month':
      return { birthDate: iso.slice(0, 7) };
    case 'year':
      return { birthDate: iso.slice(0, 4) };
    case 'range': {
      const y = fromDay(p.birth).y;
      return { birthDateRange: { from: String(y - 1 - (Math.abs(p.birth) % 2)), to: String(y + 1) } };
    }
  }
}

const FOREIGN_TOWN: Record<Exclude<TextLang, 'ru'>, (s: string) => string> = {
  uz: russianToUzbek,
  az: russianToAzerbaijani,
  ro: russianToRomanian,
  hy: russianToArmenian,
};

function renderBirthPlace(place: PlaceRef | ForeignPlace, lang: TextLang) {
  if ('ru' in place) return { country: place.country, locality: lang === 'ru' ? place.ru : FOREIGN_TOWN[lang](place.ru) };
  const { country, locality } = renderPlace(place, lang);
  return { country, locality };
}

function renderMarks(rng: Random, marks: readonly Mark[], lang: TextLang, keep: number) {
  return marks
    .filter(() => rng.chance(keep))
    .map((m) => {
      const t = MARKS[m.template];
      return {
        kind: t?.kind ?? 'other',
        location: BODY_LOCATIONS[m.location][lang],
        description: fill(t?.text[lang] ?? '-', { n: m.size }),
      };
    });
}

type Description = NonNullable<PersonPart['description']>;

/** The physical description in the owner's language; estimates round heights and lose what decay hides. */
export function describe(rng: Random, p: PersonTruth, lang: TextLang, opts: { estimated: boolean; decomposed: boolean }): Description | undefined {
  const d: Description = {};
  if (rng.chance(opts.estimated ? 0.9 : 0.75)) {
    // Heights of the unidentified are measured or estimated, and written rounded.
    d.heightCm = opts.estimated && rng.chance(0.6) ? Math.round(p.heightCm / 5) * 5 : p.heightCm;
  }
  if (rng.chance(0.6)) d.build = p.build;
  if (!opts.decomposed && rng.chance(opts.estimated ? 0.35 : 0.5)) d.eyeColour = EYE_COLOURS[p.eye][lang];
  if (!opts.decomposed && rng.chance(0.65)) d.hairColour = HAIR_COLOURS[p.hair][lang];
  const marks = renderMarks(rng, p.marks, lang, opts.estimated ? 0.9 : 0.8);
  if (marks.length > 0) d.marks = marks;
  return Object.keys(d).length > 0 ? d : undefined;
}

/** Nicknames police records carry as aliases: no spelling of any name. */
const NICKNAMES = [
  'Седой',
  'Малой',
  'Боксёр',
  'Кощей',
  'Граф',
  'Лысый',
  'Шрам',
  'Монах',
  'Бурый',
  'Кабан',
  'Фара',
  'Сиплый',
  'Рыжий',
  'Кот',
  'Штык',
  'Барон',
  'Длинный',
  'Студент',
  'Шустрый',
];

const EAST_SLAVIC: ReadonlySet<Nationality> = new Set(['russian', 'ukrainian', 'belarusian']);

/** A double surname: another surname of the tradition joined by a hyphen, or the Armenian Ter- prefix. */
function doubleSurname(rng: Random, p: PersonTruth, surname: NameForms): NameForms {
  if (p.nationality === 'armenian' && rng.chance(0.4)) return { native: `Տեր-${surname.native}`, ru: `Тер-${surname.ru}` };
  const other = otherSurname(rng, p.nationality, p.female);
  const join = (a: string, b: string) => (a && b ? `${a}-${b}` : a || b);
  return { native: join(surname.native, other.native), ru: join(surname.ru, other.ru) };
}

/** The name-level kinds decided on the truth before rendering: surname reform, double surname, second given name. */
function corruptTruthName(ctx: Context, p: PersonTruth, record: GeneratedRecord): TruthName {
  const { rng, corrupt } = ctx;
  let name = p.name;
  const reformed = reformedSurname(rng, name.surname, p.nationality, p.female);
  if (reformed && corrupt.draw('surnameChange')) {
    name = { ...name, surname: reformed };
    record.corruptions.push('surnameChange');
  }
  // Kyrgyz "Бакыт уулу" surnames are two words already and take no second surname.
  if ((name.surname.native || name.surname.ru) && !/\s/.test(name.surname.native) && corrupt.draw('hyphenatedSurname')) {
    name = { ...name, surname: doubleSurname(rng, p, name.surname) };
    record.corruptions.push('hyphenatedSurname');
  }
  if ((name.given.native || name.given.ru) && corrupt.draw('twoGivenNames')) {
    const second = otherGivenName(rng, p.nationality, p.female, name.given);
    const join = (a: string, b: string) => (a && b ? `${a} ${b}` : a);
    name = { ...name, given: { native: join(name.given.native, second.native), ru: join(name.given.ru, second.ru) } };
    record.corruptions.push('twoGivenNames');
  }
  return name;
}

/**
 * The national form a Russian-spelled East Slavic name can be written in instead, or null when
 * the record already uses it (a Belarusian written in Belarusian) or is not in Cyrillic.
 */
function eastSlavicTarget(p: PersonTruth, primary: PersonName): EastSlavicForm | null {
  if (!EAST_SLAVIC.has(p.nationality) || primary.script !== 'Cyrl' || primary.lang === 'be' || primary.lang === 'uk') return null;
  return p.nationality === 'belarusian' ? 'be' : 'uk';
}

/** The name in Belarusian or Ukrainian form: a Belarusian's own spelling, else the Russian one converted. */
function eastSlavicName(name: TruthName, p: PersonTruth, form: EastSlavicForm): TruthName {
  const own = p.nationality === 'belarusian' && form === 'be';
  const conv = (f: NameForms, part: 'surname' | 'given' | 'patronymic'): NameForms => {
    const out = own ? f.native : f.ru ? eastSlavicPart(f.ru, part, form) : '';
    return { native: out, ru: out };
  };
  const out: TruthName = { surname: conv(name.surname, 'surname'), given: conv(name.given, 'given') };
  if (name.patronymic) out.patronymic = conv(name.patronymic, 'patronymic');
  return out;
}

/** The names block of a named record, with the pre-rendering corruptions decided here. */
function renderNames(ctx: Context, p: PersonTruth, state: StateCode, record: GeneratedRecord, first: boolean): PersonName[] {
  const { rng, corrupt } = ctx;
  const name = first ? p.name : corruptTruthName(ctx, p, record);
  const [mode, alternative] = renderModes(state, p.nationality, p.belarusianFirst);
  let chosen = mode;
  if (!first && alternative && corrupt.draw('scriptChange')) {
    chosen = alternative;
    record.corruptions.push('scriptChange');
  }
  const style = { uzApostrophe: rng.weighted(UZ_APOSTROPHES), cedilla: rng.chance(0.2) };
  let primary = renderName(name, p.nationality, chosen, 'primary', style);
  // A Russian or Ukrainian in Belarusian or Ukrainian papers: the name in that language, and the
  // passport's Latin form by that state's rules (Dzmitry, Siarhei; Dmytro, Serhii).
  let national: { form: EastSlavicForm; name: TruthName } | undefined;
  const target = first ? null : eastSlavicTarget(p, primary);
  if (target && corrupt.draw('belarusianUkrainianForm')) {
    const form = p.nationality === 'russian' ? (state === 'BY' || rng.chance(0.5) ? 'be' : 'uk') : target;
    national = { form, name: eastSlavicName(name, p, form) };
    primary = { ...renderName(national.name, p.nationality, 'ru', 'primary', style), lang: form };
    record.corruptions.push('belarusianUkrainianForm');
  }
  const names: PersonName[] = [primary];

  if (rng.chance(p.profile === 'child' ? 0.45 : 0.82)) {
    const passportState = p.citizenships[0] ?? 'RU';
    const latinStyle = { upper: rng.chance(0.25), withPatronymic: rng.chance(0.15) };
    let latin = renderLatin(name, p.nationality, passportState, 'passport', latinStyle);
    if (national) {
      latin = nationalLatin(national.name, national.form, latinStyle);
    } else if (!first) {
      const alternatives = rng.sample(
        LATIN_ROUTES.filter((r): r is Exclude<LatinRoute, 'passport'> => r !== 'passport'),
        5,
      );
      let other: PersonName | undefined;
      for (const route of alternatives) {
        const candidate = renderLatin(name, p.nationality, passportState, route, latinStyle);
        if (!sameSpelling(candidate, latin)) {
          other = candidate;
          break;
        }
      }
      if (other && corrupt.draw('transliteration')) {
        latin = other;
        record.corruptions.push('transliteration');
      }
    }
    names.push(latin);
  }
  if (p.maiden && state === p.home && rng.chance(0.6)) {
    const maiden = renderName({ surname: p.maiden, given: { native: '', ru: '' } }, p.nationality, mode, 'maiden', style);
    if (maiden.surname) names.push(maiden);
  }
  if (p.alias && rng.chance(0.7)) {
    names.push(renderName({ surname: p.alias, given: name.given }, p.nationality, mode, 'alias', style));
  }
  if (!first && corrupt.draw('unrelatedAlias')) {
    names.push(unrelatedAlias(rng, p, name, primary, chosen, style));
    record.corruptions.push('unrelatedAlias');
  }
  return names;
}

/** The Latin name of a Belarusian- or Ukrainian-form name by that state's passport rules. */
function nationalLatin(name: TruthName, form: EastSlavicForm, style: { upper: boolean; withPatronymic: boolean }): PersonName {
  const lang = form === 'be' ? 'be-Latn' : 'uk-Latn';
  const romanize = form === 'be' ? romanizeBelarusian : romanizeUkrainian;
  const part = (s: string) => {
    const out = s ? romanize(s) : '';
    return style.upper ? upperName(out, lang) : out;
  };
  const out: PersonName = { kind: 'latin', script: 'Latn', lang };
  if (name.surname.ru) out.surname = part(name.surname.ru);
  if (name.given.ru) out.given = part(name.given.ru);
  if (style.withPatronymic && name.patronymic?.ru) out.patronymic = part(name.patronymic.ru);
  return out;
}

/**
 * An alias that is no spelling of the name: another surname of the tradition, a married or
 * maiden surname (women), or — in Cyrillic records — a nickname.
 */
function unrelatedAlias(rng: Random, p: PersonTruth, name: TruthName, primary: PersonName, mode: RenderMode, style: PrimaryStyle): PersonName {
  const choice = rng.weighted([
    ['surname', 5],
    ['married', p.female ? 3 : 0],
    ['nickname', primary.script === 'Cyrl' ? 2 : 0],
  ] as const);
  if (choice === 'nickname') return { kind: 'alias', script: 'Cyrl', lang: 'ru', given: rng.pick(NICKNAMES) };
  let other = otherSurname(rng, p.nationality, p.female);
  for (let attempt = 0; attempt < 4 && other.native === name.surname.native; attempt++) other = otherSurname(rng, p.nationality, p.female);
  const given = choice === 'married' ? { native: '', ru: '' } : name.given;
  return renderName({ surname: other, given }, p.nationality, mode, 'alias', style);
}

/** The person section of a named record (wanted, missing), as the owner state writes it. */
export function personPart(
  ctx: Context,
  p: PersonTruth,
  state: StateCode,
  lang: TextLang,
  day: number,
  record: GeneratedRecord,
  first: boolean,
): PersonPart {
  const { rng } = ctx;
  const part: PersonPart = { names: renderNames(ctx, p, state, record, first), sex: p.female ? 'female' : 'male', ...birthFields(p) };
  if (rng.chance(0.7)) part.birthPlace = renderBirthPlace(p.birthPlace, lang);
  if (rng.chance(0.85)) part.citizenships = p.citizenships.slice();
  // A state knows its own documents, and of foreigners mostly their passports.
  const docs = p.documents.filter(
    (d) => d.issued <= day && (d.state === state || d.type === 'passport' || d.type === 'birth_certificate') && rng.chance(0.85),
  );
  if (docs.length > 0) {
    part.documents = docs.map((d) => ({
      type: d.type,
      number: d.number,
      issuingState: d.state,
      ...(rng.chance(0.7) ? { issuedOn: isoOf(d.issued) } : {}),
      ...(d.expires !== undefined && rng.chance(0.5) ? { expiresOn: isoOf(d.expires) } : {}),
    }));
  }
  const description = describe(rng, p, lang, { estimated: false, decomposed: false });
  if (description) part.description = description;
  if (rng.chance(0.5)) part.lastKnownAddress = renderPlace(p.residence, lang);
  return part;
}
