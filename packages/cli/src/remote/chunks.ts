/** A run of whole lines of a file, to be sent in one request. */
export interface LineChunk {
  /** The file's line number of the chunk's first line (from 1). */
  firstLine: number;
  lines: string[];
  /** Size of the lines joined by newlines, in UTF-8 bytes: the request body. */
  bytes: number;
}

export interface ChunkLimits {
  maxLines: number;
  maxBytes: number;
}

/**
 * Cuts a stream of lines into chunks of whole lines, none over either limit — except a single
 * line larger than `maxBytes`, which goes alone (the server then decides). Blank lines are kept,
 * so that the server's line numbers plus `firstLine - 1` are the file's.
 */
export async function* chunkLines(lines: AsyncIterable<string>, limits: ChunkLimits): AsyncGenerator<LineChunk> {
  let chunk: LineChunk = { firstLine: 1, lines: [], bytes: 0 };
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const size = Buffer.byteLength(line, 'utf8');
    const grown = chunk.lines.length === 0 ? size : chunk.bytes + 1 + size;
    if (chunk.lines.length > 0 && (chunk.lines.length >= limits.maxLines || grown > limits.maxBytes)) {
      yield chunk;
      chunk = { firstLine: lineNo, lines: [line], bytes: size };
    } else {
      chunk.lines.push(line);
      chunk.bytes = grown;
    }
  }
  if (chunk.lines.length > 0) yield chunk;
}
