/**
 * The lines of a UTF-8 body, one at a time, each decoded only when its turn comes: a 64 MiB
 * import is neither decoded in one blocking go nor copied into an array of hundreds of
 * thousands of strings first. A CR before the LF (files from Windows) is dropped.
 */
export function* linesOf(bytes: Uint8Array): Generator<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(10, start);
    if (end === -1) end = buffer.length;
    yield buffer.toString('utf8', start, end > start && buffer[end - 1] === 13 ? end - 1 : end);
    start = end + 1;
  }
}
