import { isPriority, isRequestType, type RequestCreate, type RequestType, type RequestView } from '../../domain.ts';
import { getAt, pruned, setAt, type Draft } from '../../forms/draft.ts';

/** The types whose form names the record the request is about (`/form/recordId`). */
const WITH_RECORD: ReadonlySet<RequestType> = new Set([
  'person_information',
  'vehicle_information',
  'firearm_information',
  'search_whereabouts',
  'search_detention_extradition',
  'identity_confirmation',
]);

/** Where a country code is typed: sent in capitals, as the bank keeps codes. */
const COUNTRY_PATHS = ['/form/subject/citizenship', '/form/plate/state'];

/**
 * A new request's starting point, from the address that opened the form: a record's page
 * passes `?recordId=`, a hit's `?type=hit_answer&hitId=…&recipient=…`. What the type's form has
 * no place for is kept among the links.
 *
 * @example newRequestDraft('?type=hit_answer&hitId=h1&recipient=KZ-MVD', 'RU-MVD').form // { hitId: 'h1' }
 */
export function newRequestDraft(search: string, own: string): Draft {
  const params = new URLSearchParams(search);
  const typeParam = params.get('type');
  const priorityParam = params.get('priority');
  const type: RequestType = isRequestType(typeParam) ? typeParam : 'person_information';
  const recipient = params.get('recipient')?.trim();
  const recordId = params.get('recordId')?.trim() || undefined;
  const hitId = params.get('hitId')?.trim() || undefined;
  const recordInForm = recordId !== undefined && WITH_RECORD.has(type);
  const hitInForm = hitId !== undefined && type === 'hit_answer';
  return {
    type,
    priority: isPriority(priorityParam) ? priorityParam : 'routine',
    ...(recipient && recipient !== own ? { recipient } : {}),
    form: { ...(recordInForm ? { recordId } : {}), ...(hitInForm ? { hitId } : {}) },
    links: {
      recordIds: recordId && !recordInForm ? [recordId] : [],
      hitIds: hitId && !hitInForm ? [hitId] : [],
    },
  };
}

/** A draft of another type keeps what every request has, and the record it is about when the new type names one too. */
export function withType(draft: Draft, type: RequestType): Draft {
  const recordId = getAt(draft, '/form/recordId');
  const keepRecord = typeof recordId === 'string' && WITH_RECORD.has(type);
  return { ...draft, type, form: keepRecord ? { recordId } : {} };
}

/** A draft back in the form for editing. */
export function draftOfView(view: RequestView): Draft {
  const { type, recipient, priority, legalBasis, subject, body, links, form } = view;
  return { type, recipient, priority, legalBasis, subject, body, links, form };
}

/**
 * What is sent: empty inputs left out (so that the bank names what is missing, not what is
 * blank), country codes in capitals, and the links with both their lists as the schema wants.
 */
export function requestBody(draft: Draft): RequestCreate {
  let body = (pruned(draft) ?? {}) as Draft;
  for (const path of COUNTRY_PATHS) {
    const code = getAt(body, path);
    if (typeof code === 'string') body = setAt(body, path, code.toUpperCase());
  }
  const links = body.links as { recordIds?: string[]; hitIds?: string[] } | undefined;
  if (links) body = { ...body, links: { recordIds: links.recordIds ?? [], hitIds: links.hitIds ?? [] } };
  if (body.form === undefined) body = { ...body, form: {} };
  return body as unknown as RequestCreate;
}
