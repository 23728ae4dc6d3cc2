import type { RecordContent } from '../schemas/record.ts';

/**
 * How much of a state's records of one array its node sends to the central bank: all of it, or
 * (hit / no hit, as in the Prüm exchange) the reference data a check needs to decide a hit — the
 * identifiers and names — and the rest only to the requester of a hit the owner confirms, where
 * an agreement covers it.
 */
export const DISCLOSURES = ['full', 'hit'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/**
 * Pure: the reference data of a record — what matching reads to decide a hit, and the header
 * every record view carries (legal basis, action on a hit, distribution). The case itself (the
 * offence, the warrant, circumstances, description, places, remarks, links) stays at home.
 */
export function referenceData(content: RecordContent): RecordContent {
  const { legalBasis, actionOnHit, distribution, person, vehicle, firearm } = content;
  return {
    legalBasis,
    actionOnHit,
    distribution,
    ...(person
      ? {
          person: {
            sex: person.sex,
            ...(person.names ? { names: person.names } : {}),
            ...(person.birthDate ? { birthDate: person.birthDate } : {}),
            ...(person.birthDateRange ? { birthDateRange: person.birthDateRange } : {}),
            ...(person.citizenships ? { citizenships: person.citizenships } : {}),
            ...(person.documents ? { documents: person.documents } : {}),
          },
        }
      : {}),
    ...(vehicle
      ? {
          vehicle: {
            make: vehicle.make,
            ...(vehicle.model ? { model: vehicle.model } : {}),
            ...(vehicle.vin ? { vin: vehicle.vin } : {}),
            ...(vehicle.plate ? { plate: vehicle.plate } : {}),
            ...(vehicle.engineNumber ? { engineNumber: vehicle.engineNumber } : {}),
            ...(vehicle.bodyNumber ? { bodyNumber: vehicle.bodyNumber } : {}),
          },
        }
      : {}),
    ...(firearm
      ? {
          firearm: {
            kind: firearm.kind,
            type: firearm.type,
            serials: firearm.serials,
            ...(firearm.make ? { make: firearm.make } : {}),
            ...(firearm.model ? { model: firearm.model } : {}),
            ...(firearm.calibre ? { calibre: firearm.calibre } : {}),
            eventDate: firearm.eventDate,
            eventPlace: { country: firearm.eventPlace.country },
          },
        }
      : {}),
  };
}
