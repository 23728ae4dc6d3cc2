import { useTranslation } from 'react-i18next';
import { PRIORITIES, REQUEST_TYPES } from '../../domain.ts';
import { SelectField, TextField } from '../../forms/fields.tsx';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { FormGroup } from './FormGroup.tsx';
import { IdListField } from './IdListField.tsx';

/** What every request has: to whom, what kind, how urgent, on what legal basis, and its text. */
export function CommonFields() {
  const { t } = useTranslation();
  const format = useFormat();
  const { actor, participants } = useSession();
  const recipients = participants
    .filter((p) => p.code !== actor.participant)
    .map((p) => ({ value: p.code, label: `${participantName(participants, p.code, format.lang)} (${p.code})` }));
  return (
    <FormGroup title={t('requests.form.common')} paths={['/legalBasis']}>
      <SelectField path="/recipient" label={t('requests.fields.recipient')} options={recipients} required />
      <SelectField
        path="/type"
        label={t('requests.fields.type')}
        options={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.types.${type}`) }))}
        required
      />
      <SelectField
        path="/priority"
        label={t('requests.fields.priority')}
        options={PRIORITIES.map((priority) => ({ value: priority, label: t(`requests.priorities.${priority}`) }))}
        required
      />
      <TextField
        path="/legalBasis/agreement"
        label={t('requests.fields.agreement')}
        hint={t('requests.form.agreementHint')}
        required
        maxLength={300}
      />
      <TextField path="/legalBasis/article" label={t('requests.fields.article')} maxLength={100} />
      <div className="form-grid__wide">
        <TextField path="/subject" label={t('requests.fields.subject')} required maxLength={300} />
      </div>
      <div className="form-grid__wide">
        <TextField path="/body" label={t('requests.fields.body')} required multiline maxLength={20_000} />
      </div>
    </FormGroup>
  );
}

/** Other records and hits the request concerns, besides the one its form names. */
export function LinkFields() {
  const { t } = useTranslation();
  return (
    <FormGroup title={t('requests.form.links')} paths={['/links']}>
      <IdListField path="/links/recordIds" label={t('requests.fields.linkedRecords')} />
      <IdListField path="/links/hitIds" label={t('requests.fields.linkedHits')} />
    </FormGroup>
  );
}
