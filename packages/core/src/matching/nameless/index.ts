/**
 * Missing persons set beside the records that carry no name — unidentified bodies and living
 * persons who cannot say who they are — for a reviewer's ranked list.
 *
 * A field missing on either side gives 0 bits and is listed as `unknown`, so a reviewer sees
 * what was and was not compared. Biometrics are never scored: they are the comparison the
 * reviewer orders, so the evidence says which references each side holds.
 */
export { namelessBlockKeys, NAMELESS_KEYS_VERSION, MAX_NAMELESS_KEYS } from './blocking.ts';
export type { PlaceCodes } from './places.ts';
export { namelessProfile } from './profile.ts';
export { namelessEvidence, rankNameless, type RankedNameless } from './ranking.ts';
export {
  NAMELESS_POOL,
  NAMELESS_REVIEW_DEPTH,
  NAMELESS_REVIEW_PROBABILITY,
  namelessForReview,
  namelessProbability,
  type ReviewedNameless,
} from './review.ts';
export {
  NAMELESS_FIELDS,
  BIOMETRIC_KINDS,
  type NamelessProfile,
  type NamelessEvidence,
  type NamelessFieldEvidence,
  type NamelessField,
  type BiometricAvailability,
  type BiometricKind,
  type MarkWords,
} from './types.ts';
