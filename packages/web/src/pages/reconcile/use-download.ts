import { useState } from 'react';

/** Hands a file read through the API to the browser to save under `name`. */
function saveBlob(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // Revoked once the click has been handled: some browsers read the file only after it.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/**
 * Files of a report fetched by the API client (the session cookie authenticates it) and saved
 * by the browser; a refusal is kept for the page to show.
 */
export function useDownload() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async (file: () => Promise<Blob>, name: string) => {
    setError(null);
    setBusy(true);
    try {
      saveBlob(await file(), name);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { download, error, busy };
}

/** The name the server gives a reconciliation's files, `reconciliation-RU-MVD-1a2b3c4d`. */
export const reportFileBase = (view: { participant: string; id: string }): string => `reconciliation-${view.participant}-${view.id.slice(0, 8)}`;
