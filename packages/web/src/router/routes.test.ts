import { describe, expect, it } from 'vitest';
import {
  agreementsPath,
  editRequestPath,
  groupPath,
  groupsPath,
  matchRoute,
  newRequestPath,
  reconcilePath,
  recordPath,
  requestPath,
  requestsPath,
} from './routes.ts';

describe('matchRoute', () => {
  it('maps paths to pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'home' });
    expect(matchRoute('/records')).toEqual({ page: 'records' });
    expect(matchRoute('/records/')).toEqual({ page: 'records' });
    expect(matchRoute('/records/0d9c7a2e-4f1b-4a7e-9a51-6b0f1f2d3c4e')).toEqual({
      page: 'record',
      id: '0d9c7a2e-4f1b-4a7e-9a51-6b0f1f2d3c4e',
    });
    expect(matchRoute('/check')).toEqual({ page: 'check' });
    expect(matchRoute('/check/')).toEqual({ page: 'check' });
    expect(matchRoute('/records/new')).toEqual({ page: 'new-record' });
    expect(matchRoute('/records/0d9c7a2e-4f1b-4a7e-9a51-6b0f1f2d3c4e/edit')).toEqual({
      page: 'edit-record',
      id: '0d9c7a2e-4f1b-4a7e-9a51-6b0f1f2d3c4e',
    });
    expect(matchRoute('/records/a/b')).toEqual({ page: 'not-found' });
    expect(matchRoute('/admin')).toEqual({ page: 'admin' });
    expect(matchRoute('/settings')).toEqual({ page: 'not-found' });
    expect(matchRoute('/records/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('round-trips record paths', () => {
    expect(matchRoute(recordPath('x y'))).toEqual({ page: 'record', id: 'x y' });
  });

  it('maps reconciliation paths, with the id of one', () => {
    expect(matchRoute('/reconcile')).toEqual({ page: 'reconcile' });
    expect(matchRoute(reconcilePath('0d9c7a2e'))).toEqual({ page: 'reconcile', id: '0d9c7a2e' });
    expect(matchRoute('/reconcile/a/b')).toEqual({ page: 'not-found' });
  });

  it('maps request paths: the boxes, a new one prefilled, one request and its edit', () => {
    expect(matchRoute('/requests')).toEqual({ page: 'requests' });
    expect(requestsPath('?box=outbox')).toBe('/requests?box=outbox');
    expect(matchRoute('/requests/new')).toEqual({ page: 'new-request' });
    expect(newRequestPath({ type: 'hit_answer', hitId: 'h 1' })).toBe('/requests/new?type=hit_answer&hitId=h+1');
    expect(newRequestPath()).toBe('/requests/new');
    expect(matchRoute(requestPath('0d9c7a2e'))).toEqual({ page: 'request', id: '0d9c7a2e' });
    expect(matchRoute(editRequestPath('0d9c7a2e'))).toEqual({ page: 'edit-request', id: '0d9c7a2e' });
    expect(matchRoute('/requests/a/b')).toEqual({ page: 'not-found' });
    expect(matchRoute('/requests/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('maps the register of agreements', () => {
    expect(agreementsPath()).toBe('/agreements');
    expect(matchRoute('/agreements')).toEqual({ page: 'agreements' });
    expect(matchRoute('/agreements/')).toEqual({ page: 'agreements' });
    expect(matchRoute('/agreements/x')).toEqual({ page: 'not-found' });
  });

  it('maps the joint groups and one group’s workspace', () => {
    expect(groupsPath()).toBe('/groups');
    expect(matchRoute('/groups')).toEqual({ page: 'groups' });
    expect(matchRoute('/groups/')).toEqual({ page: 'groups' });
    expect(matchRoute(groupPath('0d9c7a2e'))).toEqual({ page: 'group', id: '0d9c7a2e' });
    expect(matchRoute(groupPath('x y'))).toEqual({ page: 'group', id: 'x y' });
    expect(matchRoute('/groups/a/b')).toEqual({ page: 'not-found' });
    expect(matchRoute('/groups/%E0%A4%A')).toEqual({ page: 'not-found' });
  });
});
