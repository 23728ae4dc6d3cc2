import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useApi } from '../api/context.ts';

export const EVENT_TYPES = ['hit.created', 'hit.answered', 'hit.reminder', 'hit.escalated'] as const;
export type BankEventType = (typeof EVENT_TYPES)[number];

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

type Listener = (event: BankEvent) => void;

/** How long after the console starts its event stream opens. */
const STREAM_DELAY_MS = 500;

const EventsContext = createContext<((listener: Listener) => () => void) | null>(null);

/**
 * One stream of the agency's events per signed-in console (server-sent events; the browser
 * reconnects by itself and asks for what it missed), handed to every page that listens.
 */
export function EventsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const listeners = useRef(new Set<Listener>());
  useEffect(() => {
    let source: EventSource | undefined;
    // Opened once the page has asked for what it shows: the stream holds one of the browser's
    // few connections to the bank for as long as the page is open.
    const opening = setTimeout(() => {
      source = new EventSource(api.eventsUrl());
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (message) => {
          const event = { ...(JSON.parse(message.data) as Omit<BankEvent, 'id' | 'type'>), id: message.lastEventId, type };
          for (const listener of listeners.current) listener(event);
        });
      }
    }, STREAM_DELAY_MS);
    return () => {
      clearTimeout(opening);
      source?.close();
    };
  }, [api]);
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  return <EventsContext.Provider value={subscribe}>{children}</EventsContext.Provider>;
}

/** Calls `listener` for every event of the agency while the component is shown. */
export function useBankEvents(listener: Listener): void {
  const subscribe = useContext(EventsContext);
  const latest = useRef(listener);
  latest.current = listener;
  const stable = useMemo(() => (event: BankEvent) => latest.current(event), []);
  useEffect(() => subscribe?.(stable), [subscribe, stable]);
}
