import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { assertCellFits, keyedValues } from './cells.ts';
import { type TextEncoding, textChunks } from './decode.ts';
import { ArrayReadError } from './errors.ts';
import type { KeyedRecord } from './keyed.ts';
import type { ArrayLimits } from './types.ts';

/**
 * `<anyRoot><record a="…"><field>text</field>…</record>…</anyRoot>`: each element under the root
 * is a row, its attributes and child elements its cells. Rows are numbered by their place under
 * the root; a malformed file is refused with the line of the fault.
 */
export async function* xmlRecords(path: string, encoding: TextEncoding, limits: ArrayLimits): AsyncGenerator<KeyedRecord> {
  const records = recordParser(limits);
  const guard = markupGuard(limits);
  for await (const chunk of textChunks(path, encoding)) {
    guard(chunk, records.where());
    yield* records.write(chunk);
  }
  yield* records.close();
}

/**
 * Refuses what saxes would otherwise take in whole before telling: a document type (whose
 * entities are how XXE and «billion laughs» attacks work; refused, never expanded), and a stretch
 * without markup longer than any row within the limits could be.
 */
function markupGuard(limits: ArrayLimits) {
  const longestRun = (limits.maxColumns + 1) * (limits.maxCellChars * 10 + 256);
  let tail = '';
  let run = 0;
  return (chunk: string, where: { row?: number; column?: string; line: number }) => {
    if (/<!(?:DOCTYPE|ENTITY)/i.test(tail + chunk)) {
      throw new ArrayReadError('xml_doctype', 'The XML has a document type or entity declaration, which is refused', { line: where.line });
    }
    tail = chunk.slice(-9);
    const lastMarkup = chunk.lastIndexOf('<');
    run = lastMarkup === -1 ? run + chunk.length : chunk.length - lastMarkup - 1;
    if (run > longestRun) {
      throw new ArrayReadError('cell_too_long', `Line ${where.line}: more text without markup than a row may hold`, where);
    }
  };
}

const ROW_DEPTH = 2;
const FIELD_DEPTH = 3;
const isNamespaceDeclaration = (name: string): boolean => name === 'xmlns' || name.startsWith('xmlns:');

function recordParser(limits: ArrayLimits) {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: KeyedRecord[] = [];
  let depth = 0;
  let row = 0;
  let entries: [string, string][] = [];
  let field: string | undefined;
  let text = '';

  const at = () => (depth >= ROW_DEPTH ? { row, line: parser.line } : { line: parser.line });
  parser.on('doctype', () => {
    throw new ArrayReadError('xml_doctype', 'The XML has a document type declaration, which is refused', { line: parser.line });
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth === ROW_DEPTH) {
      row += 1;
      entries = Object.entries(tag.attributes).filter(([name]) => !isNamespaceDeclaration(name));
    } else if (depth === FIELD_DEPTH) {
      field = tag.name;
      text = '';
    } else if (depth > FIELD_DEPTH) {
      throw new ArrayReadError('nested_value', `Row ${row}, «${field}»: an element inside a field, where a cell needs text`, {
        ...at(),
        column: field!,
      });
    }
  });
  const onText = (chunk: string) => {
    if (depth === FIELD_DEPTH) {
      text += chunk;
      assertCellFits(text, limits, row, field!);
    } else if (chunk.trim() !== '') {
      throw new ArrayReadError('bad_xml', `Line ${parser.line}: text outside a field`, at());
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depth === FIELD_DEPTH) {
      entries.push([field!, text]);
      field = undefined;
    } else if (depth === ROW_DEPTH) {
      ready.push({ row, values: keyedValues(entries, limits, row) });
    }
    depth -= 1;
  });

  const drained = (act: () => void): KeyedRecord[] => {
    try {
      act();
    } catch (error) {
      if (error instanceof ArrayReadError) throw error;
      throw new ArrayReadError('bad_xml', `Malformed XML: ${(error as Error).message}`, at());
    }
    return ready.splice(0);
  };
  return {
    write: (chunk: string) => drained(() => parser.write(chunk)),
    close: () => drained(() => parser.close()),
    where: () => ({ ...at(), ...(field === undefined ? {} : { column: field }) }),
  };
}
