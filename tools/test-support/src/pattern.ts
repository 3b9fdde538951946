// Strings that match a regular expression, for the `pattern` of a string schema. It reads the part of the syntax
// that schema patterns use: anchors, literals, escapes (\d \w \s and escaped punctuation), `.`, classes with ranges
// and negation, and the quantifiers ? * + {n} {m,n} {m,}. Anything else (groups, alternation, look-arounds) is
// refused by name rather than guessed at.
import type { Random } from "./random.js";

/** Characters a negated class or `.` draws from: printable ASCII, and some beyond it, so that JSON escaping is exercised. */
const POOL = [...Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)), "é", "ß", "中", "ж", "€", "😀"];

interface Atom {
  /** The characters it may be. */
  chars: string[];
  min: number;
  max: number;
}

/** Repetitions an unbounded quantifier (`*`, `+`, `{m,}`) gets beyond its minimum, at most. */
const UNBOUNDED_EXTRA = 8;

export function stringMatching(pattern: string, random: Random, length: { min?: number; max?: number } = {}): string {
  const atoms = parse(pattern);
  const regex = new RegExp(pattern, "u");
  const min = length.min ?? 0;
  const max = length.max ?? Number.POSITIVE_INFINITY;
  // Draw counts until the total length fits the schema's own bounds; patterns and bounds that cannot agree fail loudly.
  for (let attempt = 0; attempt < 200; attempt++) {
    const counts = atoms.map((atom) => random.int(atom.min, atom.max));
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total < min || total > max) continue;
    const text = atoms.map((atom, index) => Array.from({ length: counts[index]! }, () => random.pick(atom.chars)).join("")).join("");
    if (!regex.test(text)) throw new Error(`stringMatching(${pattern}) made ${JSON.stringify(text)}, which does not match: a bug of the generator`);
    return text;
  }
  throw new Error(`no string of ${min} to ${max} characters found for the pattern ${pattern}`);
}

function parse(pattern: string): Atom[] {
  let source = pattern;
  if (!source.startsWith("^") || !source.endsWith("$") || source.endsWith("\\$")) {
    // An unanchored pattern matches any string that contains a match; anchoring it keeps the generator simple and right.
    throw new Error(`the pattern ${pattern} is not anchored with ^ and $: the generator only makes strings for anchored patterns`);
  }
  source = source.slice(1, -1);
  const atoms: Atom[] = [];
  let index = 0;
  while (index < source.length) {
    let chars: string[];
    const char = source[index]!;
    if (char === "[") {
      const end = classEnd(source, index);
      chars = classChars(source.slice(index + 1, end), pattern);
      index = end + 1;
    } else if (char === "\\") {
      chars = escapeChars(source[index + 1], pattern);
      index += 2;
    } else if (char === ".") {
      chars = POOL.filter((candidate) => candidate !== "\n");
      index += 1;
    } else if ("()|^$".includes(char)) {
      throw new Error(`the pattern ${pattern} uses ${char}, which the generator does not read: teach it`);
    } else {
      chars = [char];
      index += 1;
    }
    const { min, max, next } = quantifier(source, index, pattern);
    atoms.push({ chars, min, max });
    index = next;
  }
  return atoms;
}

function classEnd(source: string, start: number): number {
  for (let index = start + 1; index < source.length; index++) {
    if (source[index] === "\\") index += 1;
    else if (source[index] === "]" && index > start + 1) return index;
  }
  throw new Error(`unclosed [ in the pattern ${source}`);
}

function classChars(body: string, pattern: string): string[] {
  const negated = body.startsWith("^");
  const members = new Set<string>();
  const items = [...(negated ? body.slice(1) : body)];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item === "\\") {
      for (const char of escapeChars(items[++index], pattern)) members.add(char);
      continue;
    }
    if (items[index + 1] === "-" && index + 2 < items.length) {
      const last = items[index + 2]!;
      for (let code = item.codePointAt(0)!; code <= last.codePointAt(0)!; code++) members.add(String.fromCodePoint(code));
      index += 2;
      continue;
    }
    members.add(item);
  }
  const chars = negated ? POOL.filter((char) => !members.has(char)) : [...members];
  if (chars.length === 0) throw new Error(`the class [${body}] of ${pattern} leaves no character to draw`);
  return chars;
}

function escapeChars(escaped: string | undefined, pattern: string): string[] {
  if (escaped === undefined) throw new Error(`the pattern ${pattern} ends with a lone backslash`);
  if (escaped === "d") return [..."0123456789"];
  if (escaped === "w") return [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"];
  if (escaped === "s") return [" ", "\t"];
  if (/[A-Za-z0-9]/.test(escaped)) throw new Error(`the pattern ${pattern} uses \\${escaped}, which the generator does not read: teach it`);
  return [escaped];
}

function quantifier(source: string, index: number, pattern: string): { min: number; max: number; next: number } {
  const char = source[index];
  if (char === "?") return { min: 0, max: 1, next: index + 1 };
  if (char === "*") return { min: 0, max: UNBOUNDED_EXTRA, next: index + 1 };
  if (char === "+") return { min: 1, max: 1 + UNBOUNDED_EXTRA, next: index + 1 };
  if (char === "{") {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
    if (!match) throw new Error(`the pattern ${pattern} has a { that is not a quantifier`);
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === "" ? min + UNBOUNDED_EXTRA : Number(match[3]);
    return { min, max, next: index + match[0].length };
  }
  return { min: 1, max: 1, next: index };
}
