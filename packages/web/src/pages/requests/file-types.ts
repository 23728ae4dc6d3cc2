/** What the bank takes with a request: documents and scans (it checks each file's first bytes too). */
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

export const ACCEPTED_TYPES: readonly string[] = [...new Set(Object.values(TYPES_BY_EXTENSION))];
/** For the file chooser: some systems know no media type of office documents. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(TYPES_BY_EXTENSION).map((extension) => `.${extension}`);
/** 10 MiB, the bank's limit for one file of a request. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The media type a file is sent as: the browser's, or by its extension where the browser knows
 * none (office documents on some systems); `null` for a file the bank does not take.
 */
export function acceptedType(file: { name: string; type: string }): string | null {
  if (ACCEPTED_TYPES.includes(file.type)) return file.type;
  if (file.type && file.type !== 'application/octet-stream') return null;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? null;
}
