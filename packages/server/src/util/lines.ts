/**
 * The lines of a text, one at a time: a 64 MiB import body is not copied into an array of
 * hundreds of thousands of strings before the first line is looked at. A CR before the LF
 * (files from Windows) is dropped.
 */
export function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
  }
}
