// The page's search joins the lines of a description without a space: a paragraph wrapped as "scale it\nout" is
// indexed, and shown in the results, as "scale itout". A line break inside a paragraph is a space in Markdown anyway,
// so the descriptions the page is built from have theirs written as spaces; every other line break (between blocks,
// list items, table rows, inside code) stays.

/** A line that starts a block of its own: a list item, heading, quote, table row, fence or indented code. */
const BLOCK_START = /^(\s*([-*+]\s|\d+[.)]\s|#|>|\||```|~~~)|\s{4})/;

export function joinSoftBreaks(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    const fence = /^\s*(```|~~~)/.test(line);
    const previous = out.at(-1);
    const joins =
      !fenced && !fence && previous !== undefined && previous.trim() !== "" && line.trim() !== "" && !BLOCK_START.test(line) && !/^\s*(#|\||```|~~~)/.test(previous) && !/ {2}$|\\$/.test(previous);
    if (joins) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
    if (fence) fenced = !fenced;
  }
  return out.join("\n");
}

/** Every `description` of the document (the overview, operations, parameters, schemas, examples) with its soft breaks joined. */
export function joinDescriptionBreaks(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) joinDescriptionBreaks(item);
  } else if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === "description" && typeof value === "string") record[key] = joinSoftBreaks(value);
      else joinDescriptionBreaks(value);
    }
  }
}
