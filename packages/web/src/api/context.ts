import { createContext, useContext } from 'react';
import type { ApiClient } from './client.ts';

/** The API client of this page, created once in main.tsx and handed down. */
export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiContext.Provider>');
  return api;
}
