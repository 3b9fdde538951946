// Texts that are not JSON at all, made from a body's JSON: what a client that cuts a body short, or writes something
// else entirely, sends.
import type { Random } from "./random.js";

export function malformedJson(text: string, random: Random): string {
  switch (random.int(0, 4)) {
    case 0:
      return text.slice(0, random.int(1, Math.max(1, text.length - 1))); // cut short
    case 1:
      return `${text}${random.pick(["}", ",", "x", "]"])}`; // something after the value
    case 2:
      return text.replace(/"([^"\\]*)":/, "$1:"); // a name without its quotes
    case 3:
      return text.replace(/"/, "'"); // a quote JSON does not have
    default:
      return random.pick(["", " ", "undefined", "NaN", "{", "\u0000", "[1,]", "{\"a\":01}"]);
  }
}
