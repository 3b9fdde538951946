import type { Level } from "./levels.js";

/**
 * Every rule the classifier applies, with the release it needs. tools/release/README.md explains each one; a test
 * keeps that table and this one in step.
 */
export const rules = {
  "path-removed": "major",
  "path-added": "minor",
  "operation-removed": "major",
  "operation-added": "minor",
  "operation-id-changed": "major",
  "deprecated": "minor",
  "parameter-removed": "major",
  "parameter-added-required": "major",
  "parameter-added-optional": "minor",
  "parameter-became-required": "major",
  "parameter-became-optional": "minor",
  "request-body-became-required": "major",
  "request-body-became-optional": "minor",
  "request-media-type-removed": "major",
  "request-media-type-added": "minor",
  "response-removed": "major",
  "response-added": "minor",
  "response-media-type-removed": "major",
  "response-media-type-added": "minor",
  "response-header-removed": "major",
  "response-header-added": "minor",
  "request-property-removed": "major",
  "request-property-added-required": "major",
  "request-property-added-optional": "minor",
  "request-property-became-required": "major",
  "request-property-became-optional": "minor",
  "response-property-removed": "major",
  "response-property-added": "minor",
  "response-property-became-optional": "major",
  "response-property-became-required": "minor",
  "type-changed": "major",
  "request-type-widened": "minor",
  "request-enum-narrowed": "major",
  "request-enum-widened": "minor",
  "response-enum-narrowed": "major",
  "response-enum-widened": "minor",
  "request-pattern-changed": "major",
  "request-pattern-removed": "minor",
  "request-constraint-tightened": "major",
  "request-constraint-relaxed": "minor",
  "response-constraint-tightened": "minor",
  "response-constraint-loosened": "major",
  "region-removed": "major",
  "region-added": "minor",
  "request-closed": "major",
  "request-opened": "minor",
  "response-openness-changed": "minor",
  "composition-changed": "major",
  "default-changed": "minor",
  "documentation-changed": "patch",
  "unclassified": "major",
} as const satisfies Record<string, Level>;

export type Rule = keyof typeof rules;

export interface Difference {
  level: Level;
  rule: Rule;
  /** One line in the API's words, e.g. `removed response property Pool.status.phase`. */
  message: string;
  /** Where it shows, e.g. `createPool 200 application/json`; one difference in a shared schema lists every place. */
  where: string[];
}

/** Collects differences; the same change reached through two operations is reported once, with both places. */
export class Differences {
  readonly #byKey = new Map<string, Difference>();

  add(rule: Rule, message: string, where: string): void {
    const level = rules[rule];
    const key = `${rule}\u0000${message}`;
    const known = this.#byKey.get(key);
    if (!known) this.#byKey.set(key, { level, rule, message, where: [where] });
    else if (!known.where.includes(where)) known.where.push(where);
  }

  list(): Difference[] {
    const weight = { major: 0, minor: 1, patch: 2 } as const;
    return [...this.#byKey.values()].sort((a, b) => weight[a.level] - weight[b.level] || a.message.localeCompare(b.message));
  }
}

export function describe(difference: Difference): string {
  return `${difference.message} (${difference.level}) — in ${difference.where.join(", ")}`;
}
