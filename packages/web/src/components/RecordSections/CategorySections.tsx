import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { Field, Fields, Section } from '../Section/Section.tsx';

type Part<K extends keyof RecordView> = NonNullable<RecordView[K]>;

export function WantedSection({ wanted }: { wanted: Part<'wanted'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const danger = wanted.danger ?? {};
  const flags = (['armed', 'violent', 'escapeRisk'] as const).filter((flag) => danger[flag]);
  return (
    <Section title={t('record.sections.wanted')}>
      <Fields>
        <Field label={t('record.fields.measure')}>{t(`measures.${wanted.measure}`)}</Field>
        <Field label={t('record.fields.danger')}>
          {flags.length > 0 && (
            <span className="flags">
              {flags.map((flag) => (
                <span key={flag} className="badge badge--danger">
                  {t(`record.fields.${flag}`)}
                </span>
              ))}
            </span>
          )}
        </Field>
        <Field label={t('record.fields.offenceArticle')}>{wanted.offence.article}</Field>
        <Field label={t('record.fields.offenceDescription')}>
          <span className="prewrap">{wanted.offence.description}</span>
        </Field>
        <Field label={t('record.fields.warrantIssuedBy')}>{wanted.warrant.issuedBy}</Field>
        <Field label={t('record.fields.warrantIssuedOn')}>{format.date(wanted.warrant.issuedOn)}</Field>
        <Field label={t('record.fields.warrantNumber')}>{wanted.warrant.number}</Field>
      </Fields>
    </Section>
  );
}

export function MissingSection({ missing }: { missing: Part<'missing'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const biometrics = missing.biometrics;
  return (
    <Section title={t('record.sections.missing')}>
      <Fields>
        <Field label={t('record.fields.lastSeenOn')}>{format.date(missing.lastSeenOn)}</Field>
        <Field label={t('record.fields.lastSeenPlace')}>{format.place(missing.lastSeenPlace)}</Field>
        <Field label={t('record.fields.vulnerabilities')}>
          {(missing.vulnerabilities ?? []).length > 0 && (
            <span className="flags">
              {(missing.vulnerabilities ?? []).map((v) => (
                <span key={v} className="badge badge--warning">
                  {t(`vulnerabilities.${v}`)}
                </span>
              ))}
            </span>
          )}
        </Field>
        <Field label={t('record.fields.circumstances')}>{missing.circumstances && <span className="prewrap">{missing.circumstances}</span>}</Field>
        <Field label={t('record.fields.clothing')}>{missing.clothing && <span className="prewrap">{missing.clothing}</span>}</Field>
        <Field label={t('record.fields.biometrics')}>
          {biometrics &&
            (['dna', 'dental', 'fingerprints'] as const)
              .map((kind) => `${t(`record.fields.${kind}`)}: ${biometrics[kind] ? t('record.available') : t('record.unavailable')}`)
              .join('; ')}
        </Field>
      </Fields>
    </Section>
  );
}

export function UnidentifiedCorpseSection({ corpse }: { corpse: Part<'unidentifiedCorpse'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const samples = corpse.samples;
  const sampleText = samples
    ? (['dna', 'fingerprints', 'dental'] as const)
        .filter((kind) => samples[kind])
        .map((kind) => `${t(`record.fields.${kind}`)}: ${samples[kind]}`)
        .join('; ')
    : undefined;
  return (
    <Section title={t('record.sections.unidentifiedCorpse')}>
      <Fields>
        <Field label={t('record.fields.foundOn')}>{format.date(corpse.foundOn)}</Field>
        <Field label={t('record.fields.foundPlace')}>{format.place(corpse.foundPlace)}</Field>
        <Field label={t('record.fields.estimatedAge')}>{corpse.estimatedAge && `${corpse.estimatedAge.min}–${corpse.estimatedAge.max}`}</Field>
        <Field label={t('record.fields.timeSinceDeathDays')}>
          {corpse.timeSinceDeathDays && `${corpse.timeSinceDeathDays.min}–${corpse.timeSinceDeathDays.max}`}
        </Field>
        <Field label={t('record.fields.clothing')}>{corpse.clothing && <span className="prewrap">{corpse.clothing}</span>}</Field>
        <Field label={t('record.fields.samples')} identifier>
          {sampleText}
        </Field>
      </Fields>
    </Section>
  );
}

export function UnidentifiedPersonSection({ found }: { found: Part<'unidentifiedPerson'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const where = found.currentLocation;
  return (
    <Section title={t('record.sections.unidentifiedPerson')}>
      <Fields>
        <Field label={t('record.fields.foundOn')}>{format.date(found.foundOn)}</Field>
        <Field label={t('record.fields.foundPlace')}>{format.place(found.foundPlace)}</Field>
        <Field label={t('record.fields.currentLocation')}>
          {`${t(`locationKinds.${where.kind}`)}: ${where.name}${where.place ? `, ${format.place(where.place)}` : ''}`}
        </Field>
        <Field label={t('record.fields.estimatedAge')}>{found.estimatedAge && `${found.estimatedAge.min}–${found.estimatedAge.max}`}</Field>
        <Field label={t('record.fields.condition')}>{found.condition && <span className="prewrap">{found.condition}</span>}</Field>
      </Fields>
    </Section>
  );
}

export function VehicleSection({ vehicle }: { vehicle: Part<'vehicle'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('record.sections.vehicle')}>
      <Fields>
        <Field label={t('record.fields.vin')} identifier>
          {vehicle.vin}
        </Field>
        <Field label={t('record.fields.plate')} identifier>
          {vehicle.plate && `${vehicle.plate.number} (${format.country(vehicle.plate.state)})`}
        </Field>
        <Field label={t('record.fields.make')}>{vehicle.make}</Field>
        <Field label={t('record.fields.model')}>{vehicle.model}</Field>
        <Field label={t('record.fields.colour')}>{vehicle.colour}</Field>
        <Field label={t('record.fields.year')}>{vehicle.year !== undefined && String(vehicle.year)}</Field>
        <Field label={t('record.fields.engineNumber')} identifier>
          {vehicle.engineNumber}
        </Field>
        <Field label={t('record.fields.bodyNumber')} identifier>
          {vehicle.bodyNumber}
        </Field>
        <Field label={t('record.fields.theftDate')}>{vehicle.theft && format.date(vehicle.theft.date)}</Field>
        <Field label={t('record.fields.theftPlace')}>{vehicle.theft && format.place(vehicle.theft.place)}</Field>
      </Fields>
    </Section>
  );
}

export function FirearmSection({ firearm }: { firearm: Part<'firearm'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lost = firearm.kind === 'lost_stolen';
  return (
    <Section title={t('record.sections.firearm')}>
      <Fields>
        <Field label={t('record.fields.firearmKind')}>{t(`firearmKinds.${firearm.kind}`)}</Field>
        <Field label={t('record.fields.firearmType')}>{t(`firearmTypes.${firearm.type}`)}</Field>
        <Field label={t('record.fields.serials')} identifier>
          {firearm.serials.join(', ')}
        </Field>
        <Field label={t('record.fields.make')}>{firearm.make}</Field>
        <Field label={t('record.fields.model')}>{firearm.model}</Field>
        <Field label={t('record.fields.calibre')}>{firearm.calibre}</Field>
        <Field label={t('record.fields.yearOfManufacture')}>{firearm.yearOfManufacture !== undefined && String(firearm.yearOfManufacture)}</Field>
        <Field label={lost ? t('record.fields.eventDateLost') : t('record.fields.eventDateFound')}>{format.date(firearm.eventDate)}</Field>
        <Field label={lost ? t('record.fields.eventPlaceLost') : t('record.fields.eventPlaceFound')}>{format.place(firearm.eventPlace)}</Field>
        <Field label={t('record.fields.legalOwner')}>{firearm.legalOwner}</Field>
      </Fields>
    </Section>
  );
}
