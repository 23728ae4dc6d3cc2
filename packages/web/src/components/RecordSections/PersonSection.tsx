import { useTranslation } from 'react-i18next';
import type { PersonSection as PersonPart } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { Field, Fields, Section, SubHeading } from '../Section/Section.tsx';

/** Names in every script, sex, birth, citizenship, documents and the physical description. */
export function PersonSection({ person }: { person: PersonPart }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = person.names ?? [];
  const documents = person.documents ?? [];
  const description = person.description;
  const marks = description?.marks ?? [];
  const birthRange = person.birthDateRange;
  return (
    <Section title={t('record.sections.person')} wide>
      {names.length > 0 && (
        <>
          <SubHeading>{t('record.sections.names')}</SubHeading>
          <div className="table-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('record.fields.surname')}</th>
                  <th scope="col">{t('record.fields.given')}</th>
                  <th scope="col">{t('record.fields.patronymic')}</th>
                  <th scope="col">{t('record.fields.nameKind')}</th>
                  <th scope="col">{t('record.fields.script')}</th>
                </tr>
              </thead>
              <tbody>
                {names.map((name, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a read-only record have no id and never reorder
                  <tr key={i}>
                    <td lang={name.lang} className="strong">
                      {name.surname ?? t('common.empty')}
                    </td>
                    <td lang={name.lang}>{name.given ?? t('common.empty')}</td>
                    <td lang={name.lang}>{name.patronymic ?? t('common.empty')}</td>
                    <td>{t(`nameKinds.${name.kind}`)}</td>
                    <td>
                      {t(`scripts.${name.script}`)}
                      {name.lang && <span className="muted"> ({name.lang})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <Fields>
        <Field label={t('record.fields.sex')}>{t(`sexes.${person.sex}`)}</Field>
        <Field label={t('record.fields.birthDate')}>{person.birthDate && format.date(person.birthDate)}</Field>
        <Field label={t('record.fields.birthDateRange')}>{birthRange && `${format.date(birthRange.from)} – ${format.date(birthRange.to)}`}</Field>
        <Field label={t('record.fields.birthPlace')}>{person.birthPlace && format.place(person.birthPlace)}</Field>
        <Field label={t('record.fields.citizenships')}>{(person.citizenships ?? []).map(format.country).join(', ')}</Field>
        <Field label={t('record.fields.lastKnownAddress')}>{person.lastKnownAddress && format.place(person.lastKnownAddress)}</Field>
      </Fields>

      {documents.length > 0 && (
        <>
          <SubHeading>{t('record.sections.documents')}</SubHeading>
          <div className="table-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('record.fields.documentType')}</th>
                  <th scope="col">{t('record.fields.documentNumber')}</th>
                  <th scope="col">{t('record.fields.issuingState')}</th>
                  <th scope="col">{t('record.fields.issuedOn')}</th>
                  <th scope="col">{t('record.fields.expiresOn')}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((doc, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a read-only record have no id and never reorder
                  <tr key={i}>
                    <td>{t(`documentTypes.${doc.type}`)}</td>
                    <td className="mono strong">{doc.number}</td>
                    <td>{format.country(doc.issuingState)}</td>
                    <td>{doc.issuedOn ? format.date(doc.issuedOn) : t('common.empty')}</td>
                    <td>{doc.expiresOn ? format.date(doc.expiresOn) : t('common.empty')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {description && (
        <>
          <SubHeading>{t('record.sections.description')}</SubHeading>
          <Fields>
            <Field label={t('record.fields.heightCm')}>{description.heightCm !== undefined && String(description.heightCm)}</Field>
            <Field label={t('record.fields.build')}>{description.build && t(`builds.${description.build}`)}</Field>
            <Field label={t('record.fields.eyeColour')}>{description.eyeColour}</Field>
            <Field label={t('record.fields.hairColour')}>{description.hairColour}</Field>
          </Fields>
        </>
      )}

      {marks.length > 0 && (
        <>
          <SubHeading>{t('record.sections.marks')}</SubHeading>
          <div className="table-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t('record.fields.markKind')}</th>
                  <th scope="col">{t('record.fields.markLocation')}</th>
                  <th scope="col">{t('record.fields.markDescription')}</th>
                </tr>
              </thead>
              <tbody>
                {marks.map((mark, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a read-only record have no id and never reorder
                  <tr key={i}>
                    <td>{t(`markKinds.${mark.kind}`)}</td>
                    <td>{mark.location ?? t('common.empty')}</td>
                    <td className="prewrap">{mark.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}
