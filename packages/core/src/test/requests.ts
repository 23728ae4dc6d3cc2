import type { RequestCreate } from '../requests/types.ts';

/** Well-formed requests of every type, shared by the schema and rule tests. */
export const RECORD = '6f1c2a8e-1b2c-4d3e-8f90-123456789abc';

export const common = {
  recipient: 'RU-MVD',
  legalBasis: { agreement: 'Minsk Convention 1993', article: '6' },
  priority: 'routine',
  subject: 'Request',
  body: 'Body text\nwith a second line.',
} as const;

export const valid: RequestCreate[] = [
  { ...common, type: 'person_information', form: { subject: { surname: 'Nazarbayeva', givenName: 'Aigerim' } } },
  { ...common, type: 'vehicle_information', form: { plate: { number: 'A123BC77', state: 'RU' } } },
  { ...common, type: 'firearm_information', form: { serialNumber: 'ТТ1234' } },
  { ...common, type: 'search_whereabouts', form: { recordId: RECORD } },
  { ...common, type: 'search_detention_extradition', form: { recordId: RECORD, warrant: { reference: '2-45/2025', date: '2025-11-03' } } },
  { ...common, type: 'identity_confirmation', form: { recordId: RECORD, biometrics: ['photo', 'dna'] } },
  { ...common, type: 'case_documents', form: { caseNumber: '1234567', documents: ['Copy of the indictment'] } },
  { ...common, type: 'hit_answer', links: { recordIds: [RECORD], hitIds: [] }, form: { hitId: RECORD } },
];
