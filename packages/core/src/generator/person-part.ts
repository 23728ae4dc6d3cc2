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
import { reformedSurname } from './names/index.ts';
import { LATIN_ROUTES, renderLatin, renderModes, renderName, sameSpelling, type LatinRoute } from './names/render.ts';
import type { ForeignPlace, Mark, PersonTruth } from './persons.ts';
import type { Random } from './random.ts';
import type { GeneratedRecord } from './types.ts';
import { russianToArmenian, russianToAzerbaijani, russianToRomanian, russianToUzbek } from './transliterate.ts';

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

/** The names block of a named record, with the pre-rendering corruptions decided here. */
function renderNames(ctx: Context, p: PersonTruth, state: StateCode, record: GeneratedRecord, first: boolean): PersonName[] {
  const { rng, corrupt } = ctx;
  let name = p.name;
  if (!first) {
    const reformed = reformedSurname(rng, name.surname, p.nationality, p.female);
    if (reformed && corrupt.draw('surnameChange')) {
      name = { ...name, surname: reformed };
      record.corruptions.push('surnameChange');
    }
  }
  const [mode, alternative] = renderModes(state, p.nationality, p.belarusianFirst);
  let chosen = mode;
  if (!first && alternative && corrupt.draw('scriptChange')) {
    chosen = alternative;
    record.corruptions.push('scriptChange');
  }
  const style = { uzApostrophe: rng.weighted(UZ_APOSTROPHES), cedilla: rng.chance(0.2) };
  const primary = renderName(name, p.nationality, chosen, 'primary', style);
  const names: PersonName[] = [primary];

  if (rng.chance(p.profile === 'child' ? 0.45 : 0.82)) {
    const passportState = p.citizenships[0] ?? 'RU';
    const latinStyle = { upper: rng.chance(0.25), withPatronymic: rng.chance(0.15) };
    let latin = renderLatin(name, p.nationality, passportState, 'passport', latinStyle);
    if (!first) {
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
  return names;
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
