import { describe, expect, it } from 'vitest';
import { DEMO_AGREEMENTS } from './demo.ts';
import { agreementForRequest, agreementForShare, agreementIssues, agreementsOverlap, sharesFor } from './rules.ts';
import type { AgreementInput } from './types.ts';

const bilateral: AgreementInput = {
  title: 'KZ–UZ',
  documentRef: 'x',
  parties: ['KZ-MVD', 'UZ-MVD'],
  categories: ['vehicle'],
  requestTypes: ['vehicle_information'],
  inForceFrom: '2018-03-15',
  inForceTo: '2028-03-14',
};

describe('agreements as data', () => {
  it('an agreement that ends before it starts, or covers nothing, is refused at its field', () => {
    expect(agreementIssues({ ...bilateral, inForceTo: '2017-01-01' })).toEqual([expect.objectContaining({ path: '/inForceTo', code: 'date_order' })]);
    expect(agreementIssues({ ...bilateral, categories: [], requestTypes: [] })).toEqual([expect.objectContaining({ path: '/categories' })]);
    expect(agreementIssues(bilateral)).toEqual([]);
  });

  it('the same parties covering the same array at the same time overlap; another period, array or party set does not', () => {
    expect(agreementsOverlap(bilateral, { ...bilateral, parties: ['UZ-MVD', 'KZ-MVD'], inForceFrom: '2027-01-01', inForceTo: undefined })).toBe(true);
    expect(agreementsOverlap(bilateral, { ...bilateral, inForceFrom: '2028-03-15', inForceTo: undefined })).toBe(false);
    expect(agreementsOverlap(bilateral, { ...bilateral, categories: ['firearm'], requestTypes: ['firearm_information'] })).toBe(false);
    expect(agreementsOverlap(bilateral, { ...bilateral, parties: ['KZ-MVD', 'UZ-MVD', 'KG-MVD'] })).toBe(false);
  });

  it('a request or a share is covered only by an agreement in force that names both parties and the type or array', () => {
    expect(agreementForRequest([bilateral], 'KZ-MVD', 'UZ-MVD', 'vehicle_information', '2020-01-01')).toBe(bilateral);
    expect(agreementForRequest([bilateral], 'KZ-MVD', 'UZ-MVD', 'vehicle_information', '2029-01-01')).toBeUndefined();
    expect(agreementForRequest([bilateral], 'KZ-MVD', 'KG-MVD', 'vehicle_information', '2020-01-01')).toBeUndefined();
    expect(agreementForShare([bilateral], 'UZ-MVD', 'KZ-MVD', 'vehicle', '2020-01-01')).toBe(bilateral);
    expect(agreementForShare([bilateral], 'UZ-MVD', 'KZ-MVD', 'firearm', '2020-01-01')).toBeUndefined();
  });

  it("the demo's agreements are each valid, none overlaps another, and not every pair shares everything", () => {
    for (const agreement of DEMO_AGREEMENTS) expect(agreementIssues(agreement)).toEqual([]);
    for (const [i, a] of DEMO_AGREEMENTS.entries()) for (const b of DEMO_AGREEMENTS.slice(i + 1)) expect(agreementsOverlap(a, b)).toBe(false);
    expect(agreementForShare(DEMO_AGREEMENTS, 'MD-MAI', 'RU-MVD', 'firearm', '2026-01-01')).toBeUndefined();
    expect(agreementForShare(DEMO_AGREEMENTS, 'BY-MVD', 'RU-MVD', 'firearm', '2026-01-01')).toBeDefined();
    expect(agreementForRequest(DEMO_AGREEMENTS, 'BKBOP', 'AZ-MVD', 'case_documents', '2026-01-01')).toBeDefined();
    // BKBOP's coordinating access joins it with each agency, not the agencies among themselves.
    expect(agreementForRequest(DEMO_AGREEMENTS, 'MD-MAI', 'UZ-MVD', 'vehicle_information', '2026-01-01')).toBeUndefined();
  });

  it('what one agency reads is, array by array, every owner some agreement in force shares it with; a coordinator reads all and is read by all, the others not through it', () => {
    const moldova = sharesFor(DEMO_AGREEMENTS, 'MD-MAI', '2026-12-07');
    expect(moldova.get('wanted_person')).toEqual(expect.arrayContaining(['KZ-MVD', 'RU-GP', 'BKBOP']));
    expect(moldova.get('vehicle')).toEqual(['BKBOP']);
    const bkbop = sharesFor(DEMO_AGREEMENTS, 'BKBOP', '2026-12-07');
    expect(bkbop.get('firearm')).toEqual(expect.arrayContaining(['MD-MAI', 'KZ-GP', 'AZ-MVD']));
    for (const [category, owners] of moldova) {
      for (const owner of owners)
        expect(agreementForShare(DEMO_AGREEMENTS, 'MD-MAI', owner, category, '2026-12-07'), `${owner} ${category}`).toBeDefined();
    }
    expect(sharesFor([bilateral], 'KZ-MVD', '2030-01-01').size).toBe(0);
  });
});
