// The Prefer header (RFC 7240), parsed once per request (preferencesOf) and read by each step that takes a
// preference: here the ones Prism reads — `code=404` picks the response, `example=NAME` the named example,
// `dynamic=true` an answer generated from the response's schema instead of an example (`dynamic=false` the example);
// stateful mode's `phase` (pool-lifecycle.ts); `delay` and `fault` (faults.ts).
// Unlike Prism, a name alone is enough (the response holding that example is chosen), and a code or name the
// operation does not have is a 400 naming it, not a problem+json 404 or 422.
import type { Operation } from "./router.js";

export interface Preference {
  code?: number;
  exampleKey?: string;
  /** Generate the answer from the schema (true) or take an example (false); absent: the mock's own setting. */
  dynamic?: boolean;
}

export type PreferenceResult = { ok: true; preference: Preference } | { ok: false; problem: string };

/** The preferences that pick Prism's answer, read from the request's Prefer (parsed once, by preferencesOf). */
export function readPreference(asked: ReadonlyMap<string, string>, operation: Operation): PreferenceResult {
  const preference: Preference = {};
  const codes = Object.keys(operation.responses).map(Number);

  const code = asked.get("code");
  if (code !== undefined) {
    const status = /^\d{3}$/.test(code) ? Number(code) : NaN;
    if (!operation.responses[String(status)]) {
      return { ok: false, problem: `Prefer: code=${code} is not a response of ${operation.operationId} (it answers ${codes.join(", ")})` };
    }
    preference.code = status;
  }

  const name = asked.get("example");
  if (name !== undefined) {
    const candidates = preference.code === undefined ? codes : [preference.code];
    const holder = candidates.find((status) => operation.responses[String(status)]?.examples.includes(name));
    if (holder === undefined) {
      const names = candidates.flatMap((status) => operation.responses[String(status)]?.examples ?? []);
      const where = preference.code === undefined ? operation.operationId : `the ${preference.code} response of ${operation.operationId}`;
      return { ok: false, problem: `Prefer: example=${name} is not an example of ${where} (it has ${names.join(", ")})` };
    }
    preference.code = holder;
    preference.exampleKey = name;
  }

  const dynamic = asked.get("dynamic");
  if (dynamic !== undefined) {
    if (dynamic !== "true" && dynamic !== "false") return { ok: false, problem: `Prefer: dynamic must be true or false, not ${dynamic}` };
    if (dynamic === "true" && name !== undefined) {
      return { ok: false, problem: `Prefer: example=${name} and dynamic=true ask for two different answers; send one of them` };
    }
    preference.dynamic = dynamic === "true";
  }
  return { ok: true, preference };
}

/**
 * `code=409, example="poolAlreadyExists"` → {code → 409, example → poolAlreadyExists}. Every preference is kept, for
 * the step that reads it; those no step reads are ignored.
 */
export function preferencesOf(header: string | undefined): Map<string, string> {
  const preferences = new Map<string, string>();
  for (const item of (header ?? "").split(",")) {
    const [token = "", ...rest] = item.split(";")[0]!.split("=");
    const name = token.trim().toLowerCase();
    if (!name) continue;
    const value = rest.join("=").trim().replace(/^"(.*)"$/, "$1");
    if (!preferences.has(name)) preferences.set(name, value);
  }
  return preferences;
}
