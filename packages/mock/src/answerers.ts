// The answerer of the mock's own modes: the pool store's answer in stateful mode, else (or when Prefer picks a
// response by code or example) Prism's, from the spec's examples or, in dynamic mode, generated from its schemas.
import type { Errors } from "./answer.js";
import type { Answerer } from "./pipeline.js";
import type { PrismEngine } from "./prism-engine.js";
import { readPreference } from "./prefer.js";
import { answered } from "./reply.js";
import type { StatefulAnswers } from "./stateful.js";

export function mockAnswerer(errors: Errors, prism: PrismEngine, stateful: StatefulAnswers | undefined): Answerer {
  return {
    onFailedCheck: "refuse",
    checksCredentials: true,
    async answer({ route, target, path, headers, preferences, findings }) {
      const { operation, params = {} } = route;
      const preferred = readPreference(preferences, operation);
      if (!preferred.ok) return { reply: answered(errors.badRequest(operation, preferred.problem)) };
      const { preference } = preferred;
      // The last value of a query parameter given twice, as the parameter checks have allowed it.
      const query = Object.fromEntries(new URL(target, "http://mock.invalid").searchParams);
      // Stateful mode keeps pools; a Prefer header that picks a response still asks for the spec's examples.
      const chooses = preference.code !== undefined || preference.exampleKey !== undefined;
      if (stateful && !chooses) {
        const answer = stateful.answer(operation, { path: params, query, preferences, body: findings.body });
        if (answer) return { reply: answered(answer) };
      }
      const flat = Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(Array.isArray(value) ? value[0] : value)]])));
      const method = operation.method.toLowerCase() as Lowercase<typeof operation.method>;
      const picked = await prism.answer({ method, url: { path, query }, headers: flat, body: findings.body }, preference);
      if (!picked.ok) return { reply: answered(errors.badRequest(operation, picked.detail)) };
      const { status, body, headers: prismHeaders } = picked.answer;
      // Prism picked the example from one of the operation's responses: the answer has that response's media type.
      const mediaType = operation.responses[String(status)]?.mediaTypes[0] ?? "";
      return { reply: answered({ status, body, mediaType }, prismHeaders) };
    },
  };
}
