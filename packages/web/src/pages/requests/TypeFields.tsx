import { useTranslation } from 'react-i18next';
import type { RequestType } from '../../domain.ts';
import { CheckboxField, DateField, TextField } from '../../forms/fields.tsx';
import { BiometricsField } from './BiometricsField.tsx';
import { DocumentsField } from './DocumentsField.tsx';
import { FormGroup } from './FormGroup.tsx';
import { IdListField } from './IdListField.tsx';

/** Paths whose messages concern the type's form as a whole ("one of these"), or a part no input stands for. */
const GROUP_PATHS = ['/form', '/form/subject', '/form/plate', '/form/warrant'];

function RecordIdField({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      path="/form/recordId"
      label={t('requests.fields.recordId')}
      hint={t('requests.form.recordIdHint')}
      required={required}
      mono
      maxLength={36}
    />
  );
}

/** A person as the requesting side knows them, when the bank holds no record of them. */
function SubjectFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField path="/form/subject/surname" label={t('requests.fields.surname')} maxLength={100} />
      <TextField path="/form/subject/givenName" label={t('requests.fields.givenName')} maxLength={100} />
      <TextField path="/form/subject/patronymic" label={t('requests.fields.patronymic')} maxLength={100} />
      <DateField path="/form/subject/birthDate" label={t('requests.fields.birthDate')} partial />
      <TextField path="/form/subject/citizenship" label={t('requests.fields.citizenship')} hint={t('requests.form.countryHint')} maxLength={2} mono />
    </>
  );
}

function VehicleFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField path="/form/vin" label={t('requests.fields.vin')} maxLength={32} mono />
      <TextField path="/form/plate/number" label={t('requests.fields.plateNumber')} maxLength={16} mono />
      <TextField path="/form/plate/state" label={t('requests.fields.plateState')} hint={t('requests.form.countryHint')} maxLength={2} mono />
      <RecordIdField />
    </>
  );
}

function FirearmFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField path="/form/serialNumber" label={t('requests.fields.serialNumber')} maxLength={40} mono />
      <TextField path="/form/make" label={t('requests.fields.make')} maxLength={80} />
      <TextField path="/form/model" label={t('requests.fields.model')} maxLength={80} />
      <TextField path="/form/calibre" label={t('requests.fields.calibre')} maxLength={20} />
      <RecordIdField />
    </>
  );
}

/** Detention for extradition rests on the requesting state's decision: it is named here. */
function DetentionFields() {
  const { t } = useTranslation();
  return (
    <>
      <RecordIdField required />
      <TextField path="/form/warrant/reference" label={t('requests.fields.warrantReference')} required maxLength={100} />
      <DateField path="/form/warrant/date" label={t('requests.fields.warrantDate')} required />
      <TextField path="/form/warrant/issuedBy" label={t('requests.fields.warrantIssuedBy')} maxLength={300} />
      <TextField path="/form/offenceArticle" label={t('requests.fields.offenceArticle')} maxLength={100} />
    </>
  );
}

function IdentityFields() {
  const { t } = useTranslation();
  return (
    <>
      <RecordIdField required />
      <BiometricsField />
      <IdListField path="/form/candidateRecordIds" label={t('requests.fields.candidateRecordIds')} />
    </>
  );
}

function CaseDocumentsFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField path="/form/caseNumber" label={t('requests.fields.caseNumber')} required maxLength={64} mono />
      <DocumentsField />
      <CheckboxField path="/form/certifiedCopies" label={t('requests.fields.certifiedCopies')} />
    </>
  );
}

/** The fields only requests of `type` have, after the schema of that type. */
export function TypeFields({ type }: { type: RequestType }) {
  const { t } = useTranslation();
  const hint = type === 'person_information' || type === 'search_whereabouts' ? t('requests.form.personHint') : undefined;
  return (
    <FormGroup title={t(`requests.types.${type}`)} paths={type === 'case_documents' ? [...GROUP_PATHS, '/form/documents'] : GROUP_PATHS} hint={hint}>
      {(type === 'person_information' || type === 'search_whereabouts') && (
        <>
          <SubjectFields />
          <RecordIdField />
          {type === 'search_whereabouts' && (
            <div className="form-grid__wide">
              <TextField path="/form/lastKnownAddress" label={t('requests.fields.lastKnownAddress')} maxLength={300} />
            </div>
          )}
        </>
      )}
      {type === 'vehicle_information' && <VehicleFields />}
      {type === 'firearm_information' && <FirearmFields />}
      {type === 'search_detention_extradition' && <DetentionFields />}
      {type === 'identity_confirmation' && <IdentityFields />}
      {type === 'case_documents' && <CaseDocumentsFields />}
      {type === 'hit_answer' && <TextField path="/form/hitId" label={t('requests.fields.hitId')} required mono maxLength={36} />}
    </FormGroup>
  );
}
