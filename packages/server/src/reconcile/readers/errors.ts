export type ArrayReadErrorCode =
  | 'file_too_large'
  | 'empty_file'
  | 'unsupported_format'
  | 'unsupported_encoding'
  | 'bad_encoding'
  | 'too_many_columns'
  | 'empty_header'
  | 'duplicate_header'
  | 'unexpected_column'
  | 'ragged_row'
  | 'cell_too_long'
  | 'row_too_long'
  | 'bad_csv'
  | 'bad_json'
  | 'nested_value'
  | 'unsafe_number'
  | 'bad_xml'
  | 'xml_doctype'
  | 'bad_xlsx'
  | 'xlsx_too_large';

/** Why a national array cannot be read, and where: enough for the sender to find and fix the spot. */
export class ArrayReadError extends Error {
  override readonly name = 'ArrayReadError';
  readonly code: ArrayReadErrorCode;
  readonly row?: number;
  readonly column?: string;
  /** The text line, where it differs from the row (XML). */
  readonly line?: number;

  constructor(code: ArrayReadErrorCode, message: string, where: { row?: number; column?: string; line?: number } = {}) {
    super(message);
    this.code = code;
    if (where.row !== undefined) this.row = where.row;
    if (where.column !== undefined) this.column = where.column;
    if (where.line !== undefined) this.line = where.line;
  }
}
