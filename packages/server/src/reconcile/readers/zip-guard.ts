import { finished } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ArrayReadError } from './errors.ts';

export const ZIP_LIMITS = {
  /** All parts together, inflated, against the file's size. */
  maxExpansion: 20,
  maxInflatedBytes: 1024 ** 3,
  /** One part's inflated size against its compressed size. */
  maxRatio: 100,
};

/**
 * An XLSX file is a zip whose parts exceljs inflates as it reads, with no ceiling: a crafted one
 * (a «zip bomb») would fill memory or the temporary disk. The central directory's sizes are
 * checked against `ZIP_LIMITS`; then each part is inflated once and counted, yauzl refusing a
 * part that inflates to more than it declared, so a directory that lies is caught within its word.
 */
export async function assertNotZipBomb(path: string, fileSize: number): Promise<void> {
  const maxTotal = Math.min(fileSize * ZIP_LIMITS.maxExpansion, ZIP_LIMITS.maxInflatedBytes);
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: true });
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      total += entry.uncompressedSize;
      if (total > maxTotal) {
        throw tooLarge(`its parts would inflate to more than ${maxTotal} bytes (${ZIP_LIMITS.maxExpansion}× the file, at most 1 GiB)`);
      }
      if (entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.maxRatio) {
        throw tooLarge(`the part ${entry.fileName} is compressed more than ${ZIP_LIMITS.maxRatio} to 1`);
      }
      const part = await zip.openReadStreamPromise(entry);
      await finished(part.resume());
    }
  } catch (error) {
    if (error instanceof ArrayReadError) throw error;
    throw new ArrayReadError('bad_xlsx', `Not a readable XLSX file: ${(error as Error).message}`);
  } finally {
    zip?.close();
  }
}

const tooLarge = (why: string) => new ArrayReadError('xlsx_too_large', `The XLSX file is refused: ${why}`);
