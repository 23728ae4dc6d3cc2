import { Type } from 'typebox';
import { BiometricAvailabilityView, CATEGORIES, PARTIAL_DATE_PATTERN, ParticipantCode, ROLES, RecordView, STATUSES } from '@svod/core';
import { RECORD_SORTS } from '../store/records.ts';

/** RFC 9457 problem document as the bank sends it. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    instance: Type.String(),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String({ description: 'JSON Pointer to the field' }), code: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem' },
);

/** The problem responses every protected route can give, for the OpenAPI document. */
export const problems = (...statuses: number[]) => Object.fromEntries([401, 403, ...statuses].map((s) => [s, Type.Ref('Problem')]));

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** A client's name for one attempt at a change: a retry with it is answered as the first was. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 200,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'A fresh random value (a UUID) per change; send it again, unchanged, when retrying the same change',
    }),
  ),
});

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, a UTC day, inclusive' });

/** What a list or an export of records can be narrowed by; the two take the same filters. */
export const RECORD_FILTERS = {
  category: Type.Optional(Type.Enum(CATEGORIES)),
  status: Type.Optional(Type.Enum(STATUSES)),
  owner: Type.Optional(ParticipantCode),
  nationalRef: Type.Optional(Type.String({ maxLength: 64 })),
  reviewDue: Type.Optional(Type.Boolean({ description: 'Only active records whose review date has passed' })),
  bornFrom: Type.Optional(
    Type.String({ pattern: PARTIAL_DATE_PATTERN, description: 'Persons who may have been born on or after this (YYYY, YYYY-MM or YYYY-MM-DD)' }),
  ),
  bornTo: Type.Optional(Type.String({ pattern: PARTIAL_DATE_PATTERN, description: 'Persons who may have been born on or before this' })),
  createdFrom: Type.Optional(Day),
  createdTo: Type.Optional(Day),
};

export const RecordListQuery = Type.Object(
  {
    ...RECORD_FILTERS,
    sort: Type.Optional(Type.Enum(RECORD_SORTS, { description: 'newest (default) or oldest entered first, or most recently changed first' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'From the previous page, with the same sort' })),
  },
  { additionalProperties: false },
);

export const RecordOverview = Type.Object({
  counts: Type.Array(Type.Object({ category: Type.Enum(CATEGORIES), owner: Type.String(), status: Type.Enum(STATUSES), count: Type.Integer() })),
  reviewDue: Type.Integer({ description: "The caller's own active records whose review date has passed" }),
  countedAt: Type.String({ format: 'date-time', description: 'Counts are kept a minute' }),
});

export const RecordPage = Type.Object({
  items: Type.Array(RecordView),
  nextCursor: Type.Optional(Type.String()),
  total: Type.Optional(
    Type.Object(
      { count: Type.Integer(), exact: Type.Boolean() },
      { description: 'On the first page: how many records match, exact up to 10,000; beyond that `exact` is false and `count` is 10,000' },
    ),
  ),
});

export const ImportReport = Type.Object({
  lines: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  applied: Type.Boolean(),
  rejectedTotal: Type.Integer({ description: 'Lines rejected in all; `rejected` lists the first 1,000 of them' }),
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer(),
      nationalRef: Type.Optional(Type.String()),
      code: Type.String(),
      errors: Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
    }),
  ),
});

export const ActorView = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  name: Type.String(),
  participant: Type.String(),
  role: Type.Enum(ROLES),
});

/** A ranked list of the other side's records for a missing or unidentified person. */
export const NamelessList = Type.Object({
  items: Type.Array(
    Type.Object({
      record: RecordView,
      evidence: Type.Object({
        bits: Type.Number({ description: 'The sum of the fields: log2 of how much likelier the pair is one person than two' }),
        fields: Type.Array(Type.Object({ field: Type.String(), level: Type.String(), bits: Type.Number(), detail: Type.Optional(Type.String()) })),
        biometrics: BiometricAvailabilityView,
      }),
    }),
  ),
});
