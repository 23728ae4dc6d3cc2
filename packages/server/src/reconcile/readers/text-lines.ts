import { ArrayReadError } from './errors.ts';

/**
 * The lines of a text, numbered from 1, a CR before the LF dropped. A line is gathered in pieces
 * and joined once, so a long line costs one copy; one longer than `maxChars` is refused.
 */
export async function* textLines(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<{ number: number; text: string }> {
  let pieces: string[] = [];
  let pending = 0;
  let number = 0;
  const tooLong = () => new ArrayReadError('row_too_long', `Line ${number + 1} is longer than ${maxChars} characters`, { row: number + 1 });
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      if (pending + end - start > maxChars) throw tooLong();
      pieces.push(chunk.slice(start, end));
      number += 1;
      yield { number, text: withoutCr(pieces.join('')) };
      pieces = [];
      pending = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      pieces.push(chunk.slice(start));
      pending += chunk.length - start;
      if (pending > maxChars) throw tooLong();
    }
  }
  if (pieces.length > 0) yield { number: number + 1, text: withoutCr(pieces.join('')) };
}

const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
