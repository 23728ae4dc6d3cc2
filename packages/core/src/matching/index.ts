export {
  normalizeText,
  romanize,
  phoneticSkeleton,
  consonantKey,
  masculineSurname,
  surnameBase,
  surnameVariants,
  patronymicInfo,
  parsePersonName,
  nameKeys,
  NAME_KEYS_VERSION,
  compareNames,
  compareNameParts,
  jaroWinkler,
  damerauLevenshtein,
  NAME_LEVELS,
  type NameComparison,
  type NameLevel,
  type NamePart as ParsedNamePart,
  type ParsedName,
  type PersonNameInput,
} from './names/index.ts';
export { identifierKey, plateKey, vinKey } from './identifiers/fold.ts';
export {
  profileOf,
  linkableProfile,
  domainOfCategory,
  type MatchProfile,
  type PersonProfile,
  type VehicleProfile,
  type FirearmProfile,
  type Domain,
  type BirthWindow,
} from './profile.ts';
export { compareProfiles, DOMAIN_FIELDS, MISSING, bestNamePair, type FieldSpec } from './comparisons.ts';
export { matchKeys, isDescriptionKey, undatedTwins, ANY_YEAR, MATCH_KEYS_VERSION } from './keys.ts';
export {
  scoreVector,
  weightOf,
  weightsOf,
  probabilityOf,
  emptyModel,
  forBankSize,
  modelFitsMatcher,
  type LinkModel,
  type FieldModel,
  type Score,
  type FieldContribution,
  type Weights,
} from './model.ts';
export { trainModel, PatternCounts, type TrainingOptions } from './em.ts';
export {
  linkProfiles,
  trainModels,
  forEachCandidatePair,
  type LinkOptions,
  type LinkResult,
  type LinkedPair,
} from './link.ts';
export { nameFrequencies, personAdjustment } from './person-adjustment.ts';
export {
  pairwiseQuality,
  clusterQuality,
  evaluationReport,
  namelessRanking,
  type Quality,
  type LabelledRecord,
  type EvaluationReport,
  type NamelessRanking,
  type TruthRecord,
} from './evaluate.ts';
export {
  namelessProfile,
  namelessEvidence,
  rankNameless,
  namelessBlockKeys,
  namelessForReview,
  namelessProbability,
  NAMELESS_POOL,
  NAMELESS_REVIEW_DEPTH,
  NAMELESS_REVIEW_PROBABILITY,
  type ReviewedNameless,
  NAMELESS_FIELDS,
  NAMELESS_KEYS_VERSION,
  MAX_NAMELESS_KEYS,
  BIOMETRIC_KINDS,
  type NamelessProfile,
  type NamelessEvidence,
  type NamelessFieldEvidence,
  type NamelessField,
  type BiometricAvailability,
  type BiometricKind,
  type RankedNameless,
  type PlaceCodes,
  type MarkWords,
} from './nameless/index.ts';
export { checkProfile, checkSufficiency } from './check.ts';
export { bankNameFrequency, candidateScorer, checkAdjustments, identifierAdjustment, nameStemKeys, type Adjustment } from './check-evidence.ts';
export { DEFAULT_MODELS } from './default-models.ts';
export {
  evaluateNamePairs,
  parseNamePairs,
  scoreNamePair,
  type NamePair,
  type NamePairSide,
  type NamePairScore,
  type NamePairsReport,
  type NamePairTally,
} from './name-pairs.ts';
