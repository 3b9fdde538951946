// Content negotiation, one rule for every mode: a request's Accept must admit one of the media types the operation
// answers with (every response's, errors included, so a client that accepts only the success's type still gets its
// error bodies). An Accept none of them satisfies, or one that is not a list of media ranges, is a bad request; nothing
// about Accept is ever a 500. No Accept, or an operation that answers with no body at all, admits anything.
import type { OperationDescription } from "@modelarts-pools/spec/operations";

/** `type/subtype` with optional parameters; `q` between 0 and 1 with at most three decimals (RFC 9110 §12.5.1). */
const RANGE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\/([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*((?:;\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=\s*(?:[^;,"]*|"[^"]*")\s*)*)$/;
const WEIGHT = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

interface MediaRange {
  type: string;
  subtype: string;
  weight: number;
}

/** The media ranges of an Accept header, or the reason it is not one. */
export function parseAccept(header: string): { ok: true; ranges: MediaRange[] } | { ok: false; problem: string } {
  const ranges: MediaRange[] = [];
  for (const item of header.split(",")) {
    const text = item.trim();
    if (text === "") continue;
    const match = RANGE.exec(text);
    if (!match || (match[1] === "*" && match[2] !== "*")) return { ok: false, problem: `Accept must be a list of media ranges (type/subtype[;q=…]), and ${JSON.stringify(text)} is not one` };
    let weight = 1;
    for (const parameter of match[3]!.split(";").slice(1)) {
      const [name = "", value = ""] = parameter.split("=").map((part) => part.trim());
      if (name.toLowerCase() !== "q") continue;
      if (!WEIGHT.test(value)) return { ok: false, problem: `Accept: q must be a number from 0 to 1 with at most three decimals, not ${JSON.stringify(value)}` };
      weight = Number(value);
    }
    ranges.push({ type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), weight });
  }
  return { ok: true, ranges };
}

/** What is wrong with the request's Accept for `operation`, or undefined when one of its answers' media types is acceptable. */
export function acceptProblem(operation: OperationDescription, header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const parsed = parseAccept(header);
  if (!parsed.ok) return parsed.problem;
  const offered = [...new Set(Object.values(operation.responses).flatMap((response) => response.mediaTypes))];
  if (offered.length === 0 || parsed.ranges.length === 0) return undefined;
  const acceptable = offered.some((mediaType) => {
    const [type, subtype] = mediaType.toLowerCase().split("/");
    // The most specific range that matches decides (RFC 9110 §12.5.1): `*/*;q=0, application/json` admits JSON.
    const matching = parsed.ranges
      .filter((range) => (range.type === "*" || range.type === type) && (range.subtype === "*" || range.subtype === subtype))
      .sort((a, b) => specificity(b) - specificity(a));
    return matching.length > 0 && matching[0]!.weight > 0;
  });
  return acceptable ? undefined : `Accept ${JSON.stringify(header)} admits none of the media types ${operation.operationId} answers with (${offered.join(", ")})`;
}

function specificity(range: MediaRange): number {
  return (range.type === "*" ? 0 : 1) + (range.subtype === "*" ? 0 : 1);
}
