/** Text from the server or a file, made safe for one line of a terminal: no line breaks, no escape sequences. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}
