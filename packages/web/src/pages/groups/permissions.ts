import { can } from '@svod/core';
import type { Actor, GroupAction, GroupView } from '../../domain.ts';

/** Supervisors form groups, led by their own agency. */
export const mayFormGroups = (actor: Actor): boolean => can(actor, 'group.create');

/** What the bank lets the user do in the group now (nothing once it has ended). */
export const allows = (group: Pick<GroupView, 'allowedActions'>, action: GroupAction): boolean => group.allowedActions.includes(action);

/** The owner's operators and supervisors who are members decide whether the group sees its record. */
export const mayConsent = (actor: Actor, owner: string): boolean => actor.participant === owner && can(actor, 'record.write');
