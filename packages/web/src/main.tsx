import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiClient } from './api/client.ts';
import { ApiContext } from './api/context.ts';
import { App } from './App.tsx';
import { createI18n, languageOf } from './i18n/index.ts';
import './styles.css';

/** localStorage, unless the browser's policy forbids it (then the language choice lasts one visit). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const i18n = await createI18n(browserStorage());
const api = new ApiClient({ language: () => languageOf(i18n) });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
