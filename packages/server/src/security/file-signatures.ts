/**
 * What a file's first bytes say it is. A declared content type must agree with them, so that an
 * upload cannot pass, say, an HTML page off as a PDF.
 */
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** Office Open XML and OpenDocument files are zip archives. */
const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
/** Legacy Word and Excel files are OLE compound documents. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export const FILE_SIGNATURES = {
  'image/jpeg': (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/png': (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]),
  'image/webp': (b: Uint8Array) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'application/pdf': (b: Uint8Array) => ascii(b, 0, 5) === '%PDF-',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b: Uint8Array) => startsWith(b, ZIP),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (b: Uint8Array) => startsWith(b, ZIP),
  'application/vnd.oasis.opendocument.text': (b: Uint8Array) => startsWith(b, ZIP),
  'application/vnd.oasis.opendocument.spreadsheet': (b: Uint8Array) => startsWith(b, ZIP),
  'application/msword': (b: Uint8Array) => startsWith(b, OLE),
  'application/vnd.ms-excel': (b: Uint8Array) => startsWith(b, OLE),
} as const;

export type SignedFileType = keyof typeof FILE_SIGNATURES;

/** Whether the bytes are of the declared type (and not empty). */
export const bytesAre = (type: SignedFileType, bytes: Uint8Array): boolean => bytes.length > 0 && FILE_SIGNATURES[type](bytes);

/** A file name safe to store and to give back in Content-Disposition: letters, digits and a few marks. */
export const safeFilename = (name: string, fallback = 'attachment'): string => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || fallback;
