import { Type, type Static } from 'typebox';
import { RecordView } from './record.ts';

export const MATCH_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** How a pair was found: the same subject by names and identifiers, or a missing person put next to an unidentified one. */
export const MATCH_KINDS = ['same_subject', 'nameless'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const MATCH_DECISIONS = ['confirm', 'reject'] as const;

/** One field's part in a match: its comparison level and the bits it adds or takes away. */
export const FieldContributionView = Type.Object({ field: Type.String(), level: Type.String(), weight: Type.Number() });

const BiometricKindView = Type.Enum(['dna', 'fingerprints', 'dental'] as const);

/** Which biometric references each side of a missing ~ unidentified pair holds: the comparison a reviewer can order. */
export const BiometricAvailabilityView = Type.Object({
  both: Type.Array(BiometricKindView),
  missingOnly: Type.Array(BiometricKindView),
  unidentifiedOnly: Type.Array(BiometricKindView),
});

/**
 * A pair of records the bank found may be the same subject, waiting for or carrying a supervisor's
 * decision. Shared by the server, which answers with it, and the console, which shows it.
 */
export const MatchView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(MATCH_KINDS),
  probability: Type.Number(),
  weight: Type.Number({ description: 'Match weight in bits: the prior plus every field’s contribution' }),
  explanation: Type.Array(FieldContributionView),
  modelVersion: Type.String(),
  status: Type.Enum(MATCH_STATUSES),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  foundAt: Type.String({ format: 'date-time' }),
  records: Type.Tuple([RecordView, RecordView], { description: 'The two records as they are now' }),
  mayDecide: Type.Boolean({ description: 'Whether the caller may confirm or reject this pair' }),
  biometrics: Type.Optional(BiometricAvailabilityView),
});
export type MatchView = Static<typeof MatchView>;

export const MatchDecision = Type.Object(
  {
    decision: Type.Enum(MATCH_DECISIONS),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Required to reject' })),
  },
  { additionalProperties: false },
);
export type MatchDecision = Static<typeof MatchDecision>;
