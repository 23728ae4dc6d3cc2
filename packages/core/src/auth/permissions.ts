import type { Distribution } from '../schemas/record.ts';

export const ROLES = ['operator', 'supervisor', 'analyst', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'record.read',
  'record.write',
  'record.cancel',
  'record.import',
  'record.export',
  'match.decide',
  'user.manage',
  'apikey.manage',
  'audit.read',
  'agreement.manage',
  'group.create',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do. Operators keep their participant's array; supervisors also sign off,
 * decide whether two records are the same subject, export, and form joint groups; analysts read and export across what is shared with them; administrators
 * manage people, keys and the audit trail, and read records only to support users.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  operator: ['record.read', 'record.write', 'record.cancel', 'record.import'],
  supervisor: ['record.read', 'record.write', 'record.cancel', 'record.import', 'record.export', 'match.decide', 'group.create'],
  analyst: ['record.read', 'record.export'],
  administrator: ['record.read', 'user.manage', 'apikey.manage', 'audit.read', 'agreement.manage'],
};

/** Who is acting: a person logged in, or a national system holding an API key. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  name: string;
  participant: string;
  role: Role;
}

export const can = (actor: Actor, permission: Permission): boolean => ROLE_PERMISSIONS[actor.role].includes(permission);

/** A record is readable by its owner and by the participants its distribution names. */
export function mayRead(participant: string, owner: string, distribution: Distribution): boolean {
  if (participant === owner) return true;
  return distribution.kind === 'all' || (distribution.participants ?? []).includes(participant);
}
