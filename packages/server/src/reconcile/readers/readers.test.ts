import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArrayReadOptions, type ArrayRow, ArrayReadError, openArray } from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'svod-readers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function readAll(path: string, options?: ArrayReadOptions) {
  const array = await openArray(path, options);
  const rows: ArrayRow[] = [];
  for await (const row of array.rows) rows.push(row);
  return { ...array, rows };
}

/** The error reading the whole file ends with, whether opening or a later row brings it. */
async function refusal(path: string, options?: ArrayReadOptions): Promise<ArrayReadError> {
  const error = await readAll(path, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ArrayReadError);
  return error as ArrayReadError;
}

describe('CSV', () => {
  it('reads a semicolon file in Windows-1251 with its Cyrillic headers and names intact', async () => {
    const text = 'Фамилия;Имя;Дата рождения\r\nИванов;Пётр;12.03.1981\r\nЁлкина;Анна;01.01.1990\r\n';
    const { format, encoding, headers, rows } = await readAll(await fixture('ru-wanted.csv', iconv.encode(text, 'win1251')));
    expect({ format, encoding, headers }).toEqual({ format: 'csv', encoding: 'windows-1251', headers: ['Фамилия', 'Имя', 'Дата рождения'] });
    expect(rows).toEqual([
      { row: 2, cells: { Фамилия: 'Иванов', Имя: 'Пётр', 'Дата рождения': '12.03.1981' } },
      { row: 3, cells: { Фамилия: 'Ёлкина', Имя: 'Анна', 'Дата рождения': '01.01.1990' } },
    ]);
  });

  it('keeps a quoted comma and line break inside their cell and numbers rows as a spreadsheet shows them', async () => {
    const text = '\uFEFFsurname, name ,remarks\nSmith,John,"seen in Almaty, then\nin Bishkek"\nDoe,Jane,\n';
    const { encoding, headers, rows } = await readAll(await fixture('bom.csv', text));
    expect(encoding).toBe('utf-8');
    expect(headers).toEqual(['surname', 'name', 'remarks']);
    expect(rows).toEqual([
      { row: 2, cells: { surname: 'Smith', name: 'John', remarks: 'seen in Almaty, then\nin Bishkek' } },
      { row: 3, cells: { surname: 'Doe', name: 'Jane', remarks: '' } },
    ]);
  });

  it('reads a tab-delimited file, a short row given empty cells', async () => {
    const { headers, rows } = await readAll(await fixture('kz.txt', 'vin\tplate\tcolour\nXTA21099\t123ABC02\n'));
    expect(headers).toEqual(['vin', 'plate', 'colour']);
    expect(rows).toEqual([{ row: 2, cells: { vin: 'XTA21099', plate: '123ABC02', colour: '' } }]);
  });

  it('refuses a row with more cells than headers, naming the row', async () => {
    const error = await refusal(await fixture('ragged.csv', 'a,b\n1,2\n1,2\n1,2,3\n'));
    expect(error).toMatchObject({ code: 'ragged_row', row: 4 });
  });

  it('refuses a header used twice, naming it', async () => {
    const error = await refusal(await fixture('twice.csv', 'Фамилия;Имя; Фамилия\nа;б;в\n'));
    expect(error).toMatchObject({ code: 'duplicate_header', column: 'Фамилия' });
  });

  it('refuses a nameless column', async () => {
    expect(await refusal(await fixture('nameless.csv', 'a,,c\n1,2,3\n'))).toMatchObject({ code: 'empty_header' });
  });

  it('refuses a cell longer than allowed, naming its row and column', async () => {
    const error = await refusal(await fixture('long.csv', `a,b\n1,${'x'.repeat(50)}\n`), { maxCellChars: 20 });
    expect(error).toMatchObject({ code: 'cell_too_long', row: 2, column: 'b' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(await refusal(await fixture('big.csv', 'a,b\n1,2\n'), { maxBytes: 4 })).toMatchObject({ code: 'file_too_large' });
  });

  it('streams 200,000 rows without holding them in memory', async () => {
    const path = join(dir, 'large.csv');
    const out = createWriteStream(path);
    out.write('surname;name;birth;document\n');
    for (let i = 0; i < 200_000; i += 1) {
      if (!out.write(`Surname${i};Name${i % 977};19${String(i % 100).padStart(2, '0')}-01-01;AB${i}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    let last: ArrayRow | undefined;
    for await (const row of (await openArray(path)).rows) {
      count += 1;
      last = row;
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(200_000);
    expect(last).toEqual({ row: 200_001, cells: { surname: 'Surname199999', name: 'Name691', birth: '1999-01-01', document: 'AB199999' } });
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('JSON Lines', () => {
  it('reads scalars as text under the keys of every line, a missing key an empty cell', async () => {
    const text = '{"surname":"Алиев","born":1979,"held":true}\n\n{"surname":"Каримов","note":null}\n';
    const { format, headers, rows } = await readAll(await fixture('az.jsonl', text));
    expect(format).toBe('jsonl');
    expect(headers).toEqual(['surname', 'born', 'held', 'note']);
    expect(rows).toEqual([
      { row: 1, cells: { surname: 'Алиев', born: '1979', held: 'true', note: '' } },
      { row: 3, cells: { surname: 'Каримов', born: '', held: '', note: '' } },
    ]);
  });

  it('refuses a line that is not JSON, naming the line', async () => {
    const error = await refusal(await fixture('bad.jsonl', '{"a":"1"}\n{"a":"2"}\n{"a": oops}\n'));
    expect(error).toMatchObject({ code: 'bad_json', row: 3 });
  });

  it('refuses a nested value, naming its key', async () => {
    const error = await refusal(await fixture('nested.jsonl', '{"a":"1","address":{"city":"Minsk"}}\n'));
    expect(error).toMatchObject({ code: 'nested_value', row: 1, column: 'address' });
  });
});

describe('XML', () => {
  it('reads each record under the root as a row, its attributes and fields as cells', async () => {
    const text = `<?xml version="1.0" encoding="windows-1251"?>
<array>
  <person id="17"><surname>Петров</surname><name>Иван</name></person>
  <person id="18"><surname><![CDATA[O'Brien & Sons]]></surname><born>1980-05-01</born></person>
</array>`;
    const { format, encoding, headers, rows } = await readAll(await fixture('by.xml', iconv.encode(text, 'win1251')));
    expect({ format, encoding, headers }).toEqual({ format: 'xml', encoding: 'windows-1251', headers: ['id', 'surname', 'name', 'born'] });
    expect(rows).toEqual([
      { row: 1, cells: { id: '17', surname: 'Петров', name: 'Иван', born: '' } },
      { row: 2, cells: { id: '18', surname: "O'Brien & Sons", name: '', born: '1980-05-01' } },
    ]);
  });

  it('refuses a «billion laughs» file without expanding a single entity', async () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rows><row><name>&lol3;</name></row></rows>`;
    expect(await refusal(await fixture('lolz.xml', text))).toMatchObject({ code: 'xml_doctype' });
  });

  it('refuses malformed XML, naming the line', async () => {
    const error = await refusal(await fixture('broken.xml', '<rows>\n<row><a>1</a></row>\n<row><a>2</b></row>\n</rows>\n'));
    expect(error).toMatchObject({ code: 'bad_xml', line: 3 });
  });
});

describe('XLSX', () => {
  it('reads the first worksheet, a date as yyyy-mm-dd and a number as its text', async () => {
    const path = join(dir, 'am.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('wanted');
    sheet.addRow(['Фамилия', 'Дата рождения', 'Рост']);
    sheet.addRow(['Саргсян', new Date(Date.UTC(1984, 6, 9)), 182]);
    sheet.getCell('B2').numFmt = 'dd.mm.yyyy';
    sheet.addRow(['Акопян', null, 170.5]);
    workbook.addWorksheet('other').addRow(['ignored']);
    await workbook.xlsx.writeFile(path);

    const { format, headers, rows } = await readAll(path);
    expect({ format, headers }).toEqual({ format: 'xlsx', headers: ['Фамилия', 'Дата рождения', 'Рост'] });
    expect(rows).toEqual([
      { row: 2, cells: { Фамилия: 'Саргсян', 'Дата рождения': '1984-07-09', Рост: '182' } },
      { row: 3, cells: { Фамилия: 'Акопян', 'Дата рождения': '', Рост: '170.5' } },
    ]);
  });

  it('refuses a workbook that would inflate far beyond its size (a zip bomb)', async () => {
    const path = join(dir, 'bomb.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('bomb').addRow(['name', 'x'.repeat(20_000_000)]);
    await workbook.xlsx.writeFile(path);
    expect(await refusal(path)).toMatchObject({ code: 'xlsx_too_large' });
  });

  it('refuses a workbook with one part packed beyond 100 to 1, even when a bulky picture keeps the whole in proportion', async () => {
    const path = join(dir, 'packed.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('packed');
    sheet.addRow(['name', 'x'.repeat(3_000_000)]);
    const picture = workbook.addImage({ buffer: randomBytes(2_000_000) as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(picture, 'C1:D2');
    await workbook.xlsx.writeFile(path);
    const error = await refusal(path);
    expect(error).toMatchObject({ code: 'xlsx_too_large' });
    expect(error.message).toContain('100 to 1');
  });
});
