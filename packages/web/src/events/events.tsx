import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { EventType } from '@svod/core';
import { useApi } from '../api/context.ts';
import type { RequestState } from '../domain.ts';

/**
 * Every event type of the stream (core's EVENT_TYPES) by what it is about; a complete Record
 * keyed by core's type, so that a new event type fails the type check until it is listened to.
 */
const EVENT_SUBJECTS: Record<EventType, 'hit' | 'request' | 'group'> = {
  'hit.created': 'hit',
  'hit.answered': 'hit',
  'hit.reminder': 'hit',
  'hit.escalated': 'hit',
  'request.received': 'request',
  'request.changed': 'request',
  'request.reminder': 'request',
  'request.overdue': 'request',
  'group.changed': 'group',
};
export const EVENT_TYPES = Object.keys(EVENT_SUBJECTS) as EventType[];
export type BankEventType = Extract<EventType, `hit.${string}`>;
export type RequestEventType = Extract<EventType, `request.${string}`>;

/** What an event names: the hit and where it stands; the page reads the rest when it needs it. */
export interface BankEvent {
  id: string;
  type: BankEventType;
  hit: string;
  record: string;
  owner: string;
  requester: string;
  status: 'open' | 'confirmed' | 'denied';
  deadline: string;
  subjectHeld: boolean;
  answer?: 'confirm' | 'deny' | 'more_time';
}

/** What a request event names: the request, its two ends and where it stands now. */
export interface RequestEvent {
  id: string;
  type: RequestEventType;
  request: string;
  registrationNumber: string | null;
  sender: string;
  recipient: string;
  state: RequestState;
  deadline: string | null;
}

/** What happened in a joint group the user is a member of: the group and the kind of change; the page reads the rest. */
export interface GroupEvent {
  id: string;
  group: string;
  action: string;
}

type Listener = (event: BankEvent) => void;
type RequestListener = (event: RequestEvent) => void;
type GroupListener = (event: GroupEvent) => void;

interface Subscriptions {
  hits: (listener: Listener) => () => void;
  requests: (listener: RequestListener) => () => void;
  groups: (listener: GroupListener) => () => void;
}

/** How long after the console starts its event stream opens. */
const STREAM_DELAY_MS = 500;

const EventsContext = createContext<Subscriptions | null>(null);

/** Adds a listener to a set, returning what removes it. */
function adder<T>(set: Set<T>) {
  return (listener: T) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
}

/**
 * One stream of the agency's events per signed-in console (server-sent events; the browser
 * reconnects by itself and asks for what it missed), handed to every page that listens.
 */
export function EventsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const hitListeners = useRef(new Set<Listener>());
  const requestListeners = useRef(new Set<RequestListener>());
  const groupListeners = useRef(new Set<GroupListener>());
  useEffect(() => {
    let source: EventSource | undefined;
    // Opened once the page has asked for what it shows: the stream holds one of the browser's
    // few connections to the bank for as long as the page is open.
    const opening = setTimeout(() => {
      source = new EventSource(api.eventsUrl());
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (message) => {
          const data: unknown = JSON.parse(message.data);
          if (EVENT_SUBJECTS[type] === 'hit') {
            const event = { ...(data as Omit<BankEvent, 'id' | 'type'>), id: message.lastEventId, type: type as BankEventType };
            for (const listener of hitListeners.current) listener(event);
          } else if (EVENT_SUBJECTS[type] === 'group') {
            const event = { ...(data as Omit<GroupEvent, 'id'>), id: message.lastEventId };
            for (const listener of groupListeners.current) listener(event);
          } else {
            const event = { ...(data as Omit<RequestEvent, 'id' | 'type'>), id: message.lastEventId, type: type as RequestEventType };
            for (const listener of requestListeners.current) listener(event);
          }
        });
      }
    }, STREAM_DELAY_MS);
    return () => {
      clearTimeout(opening);
      source?.close();
    };
  }, [api]);
  const subscriptions = useMemo<Subscriptions>(
    () => ({ hits: adder(hitListeners.current), requests: adder(requestListeners.current), groups: adder(groupListeners.current) }),
    [],
  );
  return <EventsContext.Provider value={subscriptions}>{children}</EventsContext.Provider>;
}

/** A listener that keeps one identity while the component is shown, calling the latest `listener`. */
function useStableListener<E>(listener: (event: E) => void): (event: E) => void {
  const latest = useRef(listener);
  latest.current = listener;
  return useCallback((event: E) => latest.current(event), []);
}

/** Calls `listener` for every hit event of the agency while the component is shown. */
export function useBankEvents(listener: Listener): void {
  const subscriptions = useContext(EventsContext);
  const stable = useStableListener(listener);
  useEffect(() => subscriptions?.hits(stable), [subscriptions, stable]);
}

/** Calls `listener` for every event about the agency's interstate requests while the component is shown. */
export function useRequestEvents(listener: RequestListener): void {
  const subscriptions = useContext(EventsContext);
  const stable = useStableListener(listener);
  useEffect(() => subscriptions?.requests(stable), [subscriptions, stable]);
}

/** Calls `listener` for every change in a group the user is a member of while the component is shown. */
export function useGroupEvents(listener: GroupListener): void {
  const subscriptions = useContext(EventsContext);
  const stable = useStableListener(listener);
  useEffect(() => subscriptions?.groups(stable), [subscriptions, stable]);
}
