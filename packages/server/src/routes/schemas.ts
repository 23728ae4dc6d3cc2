import { Type } from 'typebox';
import { CATEGORIES, ParticipantCode, ROLES, RecordView, STATUSES } from '@svod/core';

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

export const RecordListQuery = Type.Object(
  {
    category: Type.Optional(Type.Enum(CATEGORIES)),
    status: Type.Optional(Type.Enum(STATUSES)),
    owner: Type.Optional(ParticipantCode),
    nationalRef: Type.Optional(Type.String({ maxLength: 64 })),
    reviewDue: Type.Optional(Type.Boolean({ description: 'Only active records whose review date has passed' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
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
