import type { ReconciliationStatus } from '@svod/core';
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** pg returns int8 as a string, PGlite as a number; callers convert with `Number()`. */
type BigIntColumn = ColumnType<string | number | bigint, number, number>;
type Json<T> = ColumnType<T, string, string>;

export interface ParticipantTable {
  code: string;
  state: string | null;
  name_ru: string;
  name_en: string;
  created_at: Generated<Timestamp>;
}

export interface UserTable {
  id: string;
  participant: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Generated<Timestamp>;
}

export interface ApiKeyTable {
  id: string;
  participant: string;
  role: string;
  name: string;
  prefix: string;
  key_hash: string;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_by: string;
  created_at: Generated<Timestamp>;
}

export interface RecordTable {
  id: string;
  owner: string;
  national_ref: string;
  category: string;
  status: string;
  /** True when every participant may read the record. */
  shared_with_all: boolean;
  /** Participants that may read it besides the owner, when not shared with all. */
  shared_with: string[];
  /** Everything editable about the record (legal basis, sections, links), as sent. */
  content: Json<unknown>;
  version: number;
  cancel_reason: string | null;
  /** Why the status last changed to located, expired or back to active. */
  status_note: string | null;
  /** `hit` at the central bank for a record whose state sends reference data only (hit / no hit); else `full`. */
  disclosure: ColumnType<'full' | 'hit', 'full' | 'hit' | undefined, 'full' | 'hit'>;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One version of a record as it was written (kept by a trigger on records; append-only). */
export interface RecordVersionTable {
  record_id: string;
  version: number;
  status: string;
  content: Json<unknown>;
  cancel_reason: string | null;
  status_note: string | null;
  changed_by: string;
  changed_at: Timestamp;
}

export interface MatchTable {
  id: string;
  /** The smaller id of the two: a pair is stored once. */
  record_a: string;
  record_b: string;
  kind: 'same_subject' | 'nameless';
  probability: number;
  weight: number;
  explanation: Json<unknown>;
  model_version: string;
  version_a: number;
  version_b: number;
  status: 'pending' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
  found_at: Timestamp;
  updated_at: Timestamp;
}

export interface HitTable {
  id: string;
  record_id: string;
  owner: string;
  requester: string;
  requested_by: string;
  requested_by_name: string;
  probability: number;
  subject_held: boolean;
  query: Json<unknown>;
  status: 'open' | 'confirmed' | 'denied';
  deadline_at: Timestamp;
  reminded_at: Timestamp | null;
  escalated_at: Timestamp | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  answer_note: string | null;
  outcome: 'located' | 'detained' | 'identified' | 'recovered' | null;
  /** A hit-only record's whole content, as its owner's node disclosed it to the requester when it confirmed the hit. */
  disclosed: ColumnType<unknown, string | null | undefined, string | null>;
  /** `central` for a hit the central bank sent down to this (the owner's) node; none for one opened here. */
  origin: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventTable {
  id: Generated<BigIntColumn>;
  participant: string;
  /** Set when the event is for one user alone (what happens in a group), not for the whole agency. */
  addressee: ColumnType<string | null, string | null | undefined, never>;
  type: string;
  payload: Json<unknown>;
  created_at: Timestamp;
}

export interface WebhookTable {
  id: string;
  participant: string;
  url: string;
  secret: string;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface WebhookDeliveryTable {
  id: Generated<BigIntColumn>;
  webhook_id: string;
  event_id: BigIntColumn;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface CrossmatchQueueTable {
  record_id: string;
  version: number;
  queued_at: Timestamp;
}

export interface AttachmentTable {
  id: string;
  record_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  created_by: string;
  created_at: Generated<Timestamp>;
}

export interface AuditTable {
  seq: BigIntColumn;
  at: Timestamp;
  actor_kind: string;
  actor_id: string;
  actor_participant: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  resource_id: string | null;
  purpose: string;
  result_count: number | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface MatchKeyTable {
  key: string;
  record_id: string;
}

/** A record's match profile as JSON text (see the match-profiles migration). */
export interface MatchProfileTable {
  record_id: string;
  profile: string;
}

export interface RecordNameStemTable {
  record_id: string;
  key: string;
}

export interface NameStemCountTable {
  key: string;
  records: number;
}

export interface SettingTable {
  name: string;
  value: string;
  updated_at: Generated<Timestamp>;
}

export interface MatchModelTable {
  version: string;
  domain: string;
  model: unknown;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface LoginThrottleTable {
  scope: string;
  key: string;
  /** Failures still counted: each drains away over the scope's forgiveness time. */
  failures: number;
  last_failure_at: Timestamp;
  held_until: Timestamp | null;
  expires_at: Timestamp;
}

export interface TrustedDeviceTable {
  token_hash: string;
  user_id: string;
  failures: Generated<number>;
  expires_at: Timestamp;
  created_at: Generated<Timestamp>;
}

export interface ReconciliationTable {
  id: string;
  participant: string;
  category: string;
  file_name: string;
  file_bytes: number;
  file_sha256: string;
  format: string | null;
  encoding: string | null;
  headers: Json<unknown> | null;
  mapping: Json<unknown> | null;
  status: ReconciliationStatus;
  stage: string | null;
  rows_read: Generated<number>;
  summary: Json<unknown> | null;
  error: Json<unknown> | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  applied_by: string | null;
  applied_at: Timestamp | null;
  applied: Json<unknown> | null;
}

export interface ReconciliationItemTable {
  reconciliation_id: string;
  grp: string;
  seq: number;
  row_number: number | null;
  record_id: string | null;
  record_version: number | null;
  /** What a reader of the report needs of the item, as JSON text. */
  payload: string;
}

export interface RequestTable {
  id: string;
  type: string;
  sender: string;
  recipient: string;
  priority: 'urgent' | 'routine';
  subject: string;
  /** The RequestCreate as the sender last wrote it. */
  content: Json<unknown>;
  state: string;
  version: number;
  registration_number: string | null;
  assignee: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Timestamp | null;
  received_at: Timestamp | null;
  deadline_at: Timestamp | null;
  /** When the recipient is reminded: set with the deadline (see `reminderAt`). */
  remind_at: Timestamp | null;
  answered_at: Timestamp | null;
  reminded_at: Timestamp | null;
  escalated_at: Timestamp | null;
}

export interface RequestHistoryTable {
  request_id: string;
  seq: number;
  at: Timestamp;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_name: string;
  actor_participant: string;
  actor_role: string;
  /** The whole HistoryEntry, as the API returns it. */
  entry: Json<unknown>;
}

export interface RequestAttachmentTable {
  id: string;
  request_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  added_by: string;
  created_by: string;
  created_at: Timestamp;
}

export interface RequestSequenceTable {
  participant: string;
  year: number;
  last: number;
}

export interface IdempotencyKeyTable {
  actor_id: string;
  key: string;
  scope: string;
  fingerprint: string;
  response: Json<unknown>;
  created_at: Timestamp;
}

export interface GroupTable {
  id: string;
  kind: string;
  title: string;
  purpose: string;
  legal_basis: string;
  lead: string;
  /** Participant codes, as JSON. */
  participants: Json<unknown>;
  /** YYYY-MM-DD. */
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  ended_at: Timestamp | null;
  end_reason: string | null;
  version: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupMemberTable {
  group_id: string;
  user_id: string;
  participant: string;
  leader: boolean;
  added_by: string;
  added_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface GroupRecordTable {
  group_id: string;
  record_id: string;
  note: string | null;
  linked_by: string;
  linked_at: Timestamp;
  consent: string;
  consent_by: string | null;
  consent_at: Timestamp | null;
}

export interface GroupMessageTable {
  id: string;
  group_id: string;
  author: string;
  body: string;
  created_at: Timestamp;
}

export interface GroupDocumentTable {
  id: string;
  group_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  added_by: string;
  created_at: Timestamp;
}

export interface GroupTaskTable {
  id: string;
  group_id: string;
  title: string;
  detail: string | null;
  assignee: string | null;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  state: string;
  version: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupTimelineTable {
  group_id: string;
  seq: number;
  at: Timestamp;
  actor: string;
  action: string;
  detail: Json<unknown>;
}

export interface FederationNodeTable {
  state: string;
  public_key: string;
  registered_at: Timestamp;
  registered_by: string;
}

/** What the outbox queues: a record's, a hit's or a request's change, a request's file, or the register. */
export type OutboxKind = 'record' | 'hit' | 'registry' | 'request' | 'attachment';

export interface FederationFilePartTable {
  attachment_id: string;
  part: number;
  parts: number;
  data: Uint8Array;
  received_at: Timestamp;
}

export interface FederationOutboxTable {
  seq: Generated<BigIntColumn>;
  kind: ColumnType<OutboxKind, OutboxKind | undefined, never>;
  /** The record's, hit's, request's or file's id; none for the register, which goes whole. */
  item_id: string | null;
  version: number | null;
  queued_at: Timestamp;
}

export interface FederationSubjectTable {
  subject: string;
  seq: BigIntColumn;
}

export interface FederationDeadLetterTable {
  id: Generated<BigIntColumn>;
  received_at: Timestamp;
  subject: string;
  message_id: string | null;
  state: string | null;
  reason: string;
  deliveries: number;
  payload: string;
}

export interface FederationReceivedTable {
  state: string;
  last_applied_at: Timestamp;
  last_sent_at: Timestamp;
  applied: BigIntColumn;
}

export interface AgreementTable {
  id: string;
  title: string;
  document_ref: string;
  /** Participant codes, as JSON. */
  parties: Json<unknown>;
  coordinator: string | null;
  categories: Json<unknown>;
  request_types: Json<unknown>;
  /** YYYY-MM-DD. */
  in_force_from: ColumnType<string, string, string>;
  in_force_to: ColumnType<string | null, string | null, string | null>;
  version: number;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  participants: ParticipantTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  records: RecordTable;
  record_versions: RecordVersionTable;
  matches: MatchTable;
  crossmatch_queue: CrossmatchQueueTable;
  hits: HitTable;
  events: EventTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  attachments: AttachmentTable;
  audit_log: AuditTable;
  match_keys: MatchKeyTable;
  match_profiles: MatchProfileTable;
  /** A missing or unidentified record's `namelessProfile` as JSON text (see the nameless-profiles migration). */
  nameless_profiles: MatchProfileTable;
  settings: SettingTable;
  match_models: MatchModelTable;
  login_throttle: LoginThrottleTable;
  trusted_devices: TrustedDeviceTable;
  record_name_stems: RecordNameStemTable;
  name_stem_counts: NameStemCountTable;
  reconciliations: ReconciliationTable;
  reconciliation_items: ReconciliationItemTable;
  requests: RequestTable;
  request_history: RequestHistoryTable;
  request_attachments: RequestAttachmentTable;
  request_sequences: RequestSequenceTable;
  idempotency_keys: IdempotencyKeyTable;
  agreements: AgreementTable;
  groups: GroupTable;
  federation_nodes: FederationNodeTable;
  federation_outbox: FederationOutboxTable;
  federation_subjects: FederationSubjectTable;
  federation_file_parts: FederationFilePartTable;
  federation_dead_letters: FederationDeadLetterTable;
  federation_received: FederationReceivedTable;
  group_members: GroupMemberTable;
  group_records: GroupRecordTable;
  group_messages: GroupMessageTable;
  group_documents: GroupDocumentTable;
  group_tasks: GroupTaskTable;
  group_timeline: GroupTimelineTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type RecordRow = Selectable<RecordTable>;
export type NewRecordRow = Insertable<RecordTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditTable>;

export type MatchRow = Selectable<MatchTable>;
export type HitRow = Selectable<HitTable>;
