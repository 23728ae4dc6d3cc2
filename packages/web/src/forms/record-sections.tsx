import { useTranslation } from 'react-i18next';
import { romanize } from '@svod/core';
import type { Category, ParticipantInfo, PersonNameView } from '../domain.ts';
import { getAt } from './draft.ts';
import { CheckboxField, DateField, RowList, SelectField, TextField, useForm } from './fields.tsx';

/** Dictionaries of the console whose keys are the values of an enumeration of the record schema. */
type Enumeration =
  | 'categories'
  | 'actions'
  | 'measures'
  | 'sexes'
  | 'nameKinds'
  | 'scripts'
  | 'documentTypes'
  | 'builds'
  | 'locationKinds'
  | 'firearmKinds'
  | 'firearmTypes'
  | 'markKinds';

/** The choices of an enumeration, labelled in the user's language (both dictionaries hold every value). */
function useOptions() {
  const { t } = useTranslation();
  return (name: Enumeration) =>
    Object.entries(t(name, { returnObjects: true }) as Record<string, string>).map(([value, label]) => ({ value, label }));
}

export const PERSON_CATEGORIES: readonly Category[] = ['wanted_person', 'missing_person', 'unidentified_corpse', 'unidentified_person'];

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="card form-section">
      <legend className="section__title">{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

function PlaceFields({ path, label }: { path: string; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField path={`${path}/country`} label={`${label}: ${t('form.country')}`} maxLength={2} hint={t('form.countryHint')} mono />
      <TextField path={`${path}/region`} label={`${label}: ${t('form.region')}`} maxLength={120} />
      <TextField path={`${path}/locality`} label={`${label}: ${t('form.locality')}`} maxLength={120} />
    </>
  );
}

/** The envelope every record has: reference, legal basis, action on a hit, review date, who may read it. */
export function GeneralFields({ isNew, participants, own }: { isNew: boolean; participants: readonly ParticipantInfo[]; own: string }) {
  const { t, i18n } = useTranslation();
  const options = useOptions();
  const { draft, set } = useForm();
  const distribution = getAt(draft, '/distribution/kind');
  const named = (getAt(draft, '/distribution/participants') as string[] | undefined) ?? [];
  return (
    <Group title={t('record.sections.general')}>
      {isNew && <TextField path="/nationalRef" label={t('record.fields.nationalRef')} required maxLength={64} mono />}
      <TextField path="/legalBasis" label={t('record.fields.legalBasis')} required maxLength={500} />
      <SelectField path="/actionOnHit" label={t('record.fields.actionOnHit')} options={options('actions')} required />
      <DateField path="/reviewBy" label={t('record.fields.reviewBy')} />
      <fieldset className="form-choice form-grid__wide">
        <legend>{t('record.fields.distribution')}</legend>
        {(['all', 'participants'] as const).map((kind) => (
          <label key={kind} className="form-check">
            <input
              type="radio"
              name="distribution"
              checked={distribution === kind}
              onChange={() => set('/distribution', kind === 'all' ? { kind } : { kind, participants: named })}
            />
            {t(`distribution.${kind}`)}
          </label>
        ))}
        {distribution === 'participants' && (
          <div className="form-choice__list">
            {participants
              .filter((p) => p.code !== own)
              .map((p) => (
                <label key={p.code} className="form-check">
                  <input
                    type="checkbox"
                    checked={named.includes(p.code)}
                    onChange={(e) =>
                      set('/distribution/participants', e.target.checked ? [...named, p.code] : named.filter((code) => code !== p.code))
                    }
                  />
                  {i18n.language === 'en' ? p.nameEn : p.nameRu} ({p.code})
                </label>
              ))}
          </div>
        )}
      </fieldset>
      <TextField path="/remarks" label={t('record.fields.remarks')} multiline maxLength={4000} />
      <LinksFields />
    </Group>
  );
}

/** Other records this one points to: the same subject elsewhere, an accomplice, the person's car or gun. */
function LinksFields() {
  const { t } = useTranslation();
  const relations = Object.entries(t('linkRelations', { returnObjects: true }) as Record<string, string>).map(([value, label]) => ({ value, label }));
  return (
    <fieldset className="form-choice form-grid__wide">
      <legend>{t('record.sections.links')}</legend>
      <RowList
        path="/links"
        rowClass="form-documents__row"
        newRow={{ relation: 'same_subject' }}
        addLabel={t('form.addLink')}
        removeLabel={(n) => t('form.removeLink', { n })}
        row={(i) => (
          <>
            <SelectField path={`/links/${i}/relation`} label={t('record.fields.relation')} options={relations} required />
            <TextField path={`/links/${i}/recordId`} label={t('form.linkedRecordId')} maxLength={36} mono required />
            <span />
          </>
        )}
      />
    </fieldset>
  );
}

/** Names in every script the person is known by, with a Latin form offered from the original. */
function NamesFields() {
  const { t } = useTranslation();
  const options = useOptions();
  const { draft, set } = useForm();
  const names = (getAt(draft, '/person/names') as PersonNameView[] | undefined) ?? [];
  const primary = names.find((n) => n.kind === 'primary' && n.script !== 'Latn');
  const suggestLatin = () => {
    if (!primary) return;
    const latin = (part?: string) => (part ? romanize(part, primary.lang).toUpperCase() : undefined);
    const form = {
      kind: 'latin',
      script: 'Latn',
      surname: latin(primary.surname),
      given: latin(primary.given),
      patronymic: latin(primary.patronymic),
    };
    const at = names.findIndex((n) => n.kind === 'latin');
    set('/person/names', at >= 0 ? names.map((n, i) => (i === at ? form : n)) : [...names, form]);
  };
  return (
    <div className="form-grid__wide form-names">
      <RowList
        path="/person/names"
        rowClass="form-names__row"
        newRow={{ kind: 'alias', script: 'Cyrl' }}
        addLabel={t('form.addName')}
        removeLabel={(n) => t('form.removeName', { n })}
        row={(i) => (
          <>
            <SelectField path={`/person/names/${i}/kind`} label={t('record.fields.nameKind')} options={options('nameKinds')} required />
            <SelectField path={`/person/names/${i}/script`} label={t('record.fields.script')} options={options('scripts')} required />
            <TextField path={`/person/names/${i}/surname`} label={t('record.fields.surname')} maxLength={80} />
            <TextField path={`/person/names/${i}/given`} label={t('record.fields.given')} maxLength={80} />
            <TextField path={`/person/names/${i}/patronymic`} label={t('record.fields.patronymic')} maxLength={80} />
          </>
        )}
        actions={
          primary && (
            <button type="button" className="button button--secondary" onClick={suggestLatin}>
              {t('form.suggestLatin')}
            </button>
          )
        }
      />
    </div>
  );
}

/** Every identity document the person is known by: each one's kind, number and issuing state. */
function DocumentsFields() {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <div className="form-grid__wide form-names">
      <RowList
        path="/person/documents"
        rowClass="form-documents__row"
        newRow={{}}
        alwaysOneRow
        addLabel={t('form.addDocument')}
        removeLabel={(n) => t('form.removeDocument', { n })}
        row={(i) => (
          <>
            <SelectField path={`/person/documents/${i}/type`} label={t('record.fields.documentType')} options={options('documentTypes')} />
            <TextField path={`/person/documents/${i}/number`} label={t('record.fields.documentNumber')} maxLength={32} mono />
            <TextField path={`/person/documents/${i}/issuingState`} label={t('record.fields.issuingState')} maxLength={2} mono />
          </>
        )}
      />
    </div>
  );
}

/** Scars, tattoos and the like: what lets a body or a person who cannot speak be recognised. */
function MarksFields() {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <fieldset className="form-choice form-grid__wide">
      <legend>{t('record.sections.marks')}</legend>
      <RowList
        path="/person/description/marks"
        rowClass="form-marks__row"
        newRow={{}}
        alwaysOneRow
        addLabel={t('form.addMark')}
        removeLabel={(n) => t('form.removeMark', { n })}
        row={(i) => (
          <>
            <SelectField path={`/person/description/marks/${i}/kind`} label={t('record.fields.markKind')} options={options('markKinds')} required />
            <TextField path={`/person/description/marks/${i}/location`} label={t('record.fields.markLocation')} maxLength={120} />
            <TextField path={`/person/description/marks/${i}/description`} label={t('record.fields.markDescription')} required maxLength={500} />
          </>
        )}
      />
    </fieldset>
  );
}

function PersonFields({ category }: { category: Category }) {
  const { t } = useTranslation();
  const options = useOptions();
  const named = category === 'wanted_person' || category === 'missing_person';
  return (
    <Group title={t('record.sections.person')}>
      {named && <NamesFields />}
      <SelectField path="/person/sex" label={t('record.fields.sex')} options={options('sexes')} required />
      {named && <DateField path="/person/birthDate" label={t('record.fields.birthDate')} partial />}
      {named && <DateField path="/person/birthDateRange/from" label={`${t('record.fields.birthDateRange')}: ${t('form.from')}`} partial />}
      {named && <DateField path="/person/birthDateRange/to" label={`${t('record.fields.birthDateRange')}: ${t('form.to')}`} partial />}
      {named && <TextField path="/person/citizenships" label={t('record.fields.citizenships')} list="upper" hint={t('form.countriesHint')} mono />}
      {named && <DocumentsFields />}
      <TextField path="/person/description/heightCm" label={t('record.fields.heightCm')} numeric maxLength={3} />
      <SelectField path="/person/description/build" label={t('record.fields.build')} options={options('builds')} />
      <TextField path="/person/description/eyeColour" label={t('record.fields.eyeColour')} maxLength={40} />
      <TextField path="/person/description/hairColour" label={t('record.fields.hairColour')} maxLength={40} />
      <MarksFields />
    </Group>
  );
}

function AgeFields({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField path={`${path}/min`} label={`${t('record.fields.estimatedAge')}: ${t('form.from')}`} numeric maxLength={3} />
      <TextField path={`${path}/max`} label={`${t('record.fields.estimatedAge')}: ${t('form.to')}`} numeric maxLength={3} />
    </>
  );
}

/** The sections a record of the category carries, each input bound to its path in the record. */
export function CategoryFields({ category }: { category: Category }) {
  const { t } = useTranslation();
  const options = useOptions();
  return (
    <>
      {PERSON_CATEGORIES.includes(category) && <PersonFields category={category} />}
      {category === 'wanted_person' && (
        <Group title={t('record.sections.wanted')}>
          <TextField path="/wanted/offence/article" label={t('record.fields.offenceArticle')} required maxLength={60} />
          <TextField path="/wanted/offence/description" label={t('record.fields.offenceDescription')} required multiline maxLength={1000} />
          <TextField path="/wanted/warrant/issuedBy" label={t('record.fields.warrantIssuedBy')} required maxLength={200} />
          <DateField path="/wanted/warrant/issuedOn" label={t('record.fields.warrantIssuedOn')} required />
          <TextField path="/wanted/warrant/number" label={t('record.fields.warrantNumber')} maxLength={60} />
          <SelectField path="/wanted/measure" label={t('record.fields.measure')} options={options('measures')} required />
          <CheckboxField path="/wanted/danger/armed" label={t('record.fields.armed')} />
          <CheckboxField path="/wanted/danger/violent" label={t('record.fields.violent')} />
          <CheckboxField path="/wanted/danger/escapeRisk" label={t('record.fields.escapeRisk')} />
        </Group>
      )}
      {category === 'missing_person' && (
        <Group title={t('record.sections.missing')}>
          <DateField path="/missing/lastSeenOn" label={t('record.fields.lastSeenOn')} required />
          <PlaceFields path="/missing/lastSeenPlace" label={t('record.fields.lastSeenPlace')} />
          <TextField path="/missing/circumstances" label={t('record.fields.circumstances')} multiline maxLength={2000} />
          <TextField path="/missing/clothing" label={t('record.fields.clothing')} multiline maxLength={1000} />
        </Group>
      )}
      {category === 'unidentified_corpse' && (
        <Group title={t('record.sections.unidentifiedCorpse')}>
          <DateField path="/unidentifiedCorpse/foundOn" label={t('record.fields.foundOn')} required />
          <PlaceFields path="/unidentifiedCorpse/foundPlace" label={t('record.fields.foundPlace')} />
          <AgeFields path="/unidentifiedCorpse/estimatedAge" />
          <TextField path="/unidentifiedCorpse/clothing" label={t('record.fields.clothing')} multiline maxLength={1000} />
        </Group>
      )}
      {category === 'unidentified_person' && (
        <Group title={t('record.sections.unidentifiedPerson')}>
          <DateField path="/unidentifiedPerson/foundOn" label={t('record.fields.foundOn')} required />
          <PlaceFields path="/unidentifiedPerson/foundPlace" label={t('record.fields.foundPlace')} />
          <SelectField
            path="/unidentifiedPerson/currentLocation/kind"
            label={t('record.fields.currentLocation')}
            options={options('locationKinds')}
            required
          />
          <TextField path="/unidentifiedPerson/currentLocation/name" label={t('form.institution')} required maxLength={200} />
          <AgeFields path="/unidentifiedPerson/estimatedAge" />
          <TextField path="/unidentifiedPerson/condition" label={t('record.fields.condition')} multiline maxLength={1000} />
        </Group>
      )}
      {category === 'vehicle' && (
        <Group title={t('record.sections.vehicle')}>
          <TextField path="/vehicle/vin" label={t('record.fields.vin')} maxLength={20} mono />
          <TextField path="/vehicle/plate/number" label={t('record.fields.plate')} maxLength={16} mono />
          <TextField path="/vehicle/plate/state" label={`${t('record.fields.plate')}: ${t('form.country')}`} maxLength={2} mono />
          <TextField path="/vehicle/make" label={t('record.fields.make')} required maxLength={60} />
          <TextField path="/vehicle/model" label={t('record.fields.model')} maxLength={60} />
          <TextField path="/vehicle/colour" label={t('record.fields.colour')} maxLength={40} />
          <TextField path="/vehicle/year" label={t('record.fields.year')} numeric maxLength={4} />
          <TextField path="/vehicle/engineNumber" label={t('record.fields.engineNumber')} maxLength={30} mono />
          <TextField path="/vehicle/bodyNumber" label={t('record.fields.bodyNumber')} maxLength={30} mono />
          <DateField path="/vehicle/theft/date" label={t('record.fields.theftDate')} />
          <PlaceFields path="/vehicle/theft/place" label={t('record.fields.theftPlace')} />
        </Group>
      )}
      {category === 'firearm' && (
        <Group title={t('record.sections.firearm')}>
          <SelectField path="/firearm/kind" label={t('record.fields.firearmKind')} options={options('firearmKinds')} required />
          <SelectField path="/firearm/type" label={t('record.fields.firearmType')} options={options('firearmTypes')} required />
          <TextField path="/firearm/make" label={t('record.fields.make')} maxLength={60} />
          <TextField path="/firearm/model" label={t('record.fields.model')} maxLength={60} />
          <TextField path="/firearm/calibre" label={t('record.fields.calibre')} maxLength={30} />
          <TextField path="/firearm/serials/0" label={t('record.fields.serials')} required maxLength={30} mono />
          <TextField path="/firearm/yearOfManufacture" label={t('record.fields.yearOfManufacture')} numeric maxLength={4} />
          <DateField path="/firearm/eventDate" label={t('form.eventDate')} required />
          <PlaceFields path="/firearm/eventPlace" label={t('form.eventPlace')} />
          <TextField path="/firearm/legalOwner" label={t('record.fields.legalOwner')} maxLength={200} />
        </Group>
      )}
    </>
  );
}
