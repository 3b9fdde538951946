// An injected fetch that records what the client sends and answers from a script, for unit tests.
import { createRequire } from "node:module";
import { Changes } from "./until.js";

const require = createRequire(import.meta.url);
const spec = require("@modelarts-pools/spec/openapi.json") as { components: { examples: Record<string, { value: unknown }> } };

/** A named example of the spec, so unit tests answer what the API answers. */
export function example(name: string): any {
  const found = spec.components.examples[name];
  if (!found) throw new Error(`no example ${name} in the spec`);
  return structuredClone(found.value);
}

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal | undefined;
}

export type Answer = Response | Error | ((request: SentRequest) => Response | Promise<Response>);

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** What both fakes record: the requests, and a way to wait until `count` of them have been sent. */
function recorder() {
  const sent: SentRequest[] = [];
  const changes = new Changes();
  return {
    sent,
    record(request: SentRequest) {
      sent.push(request);
      changes.notify();
    },
    untilSent: (count: number) => changes.until(() => (sent.length >= count ? sent : undefined), `${count} request(s) sent`, () => `${sent.length}`),
  };
}

export function fakeFetch(...answers: Answer[]) {
  const { sent, record, untilSent } = recorder();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const entry: SentRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
      signal: init?.signal ?? undefined,
    };
    record(entry);
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error("fakeFetch: no answer scripted");
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer(entry) : answer.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, untilSent };
}

/** A fetch that answers only when aborted, like a server that never replies. */
export function silentFetch() {
  const { sent, record, untilSent } = recorder();
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      // A Request (what openapi-fetch passes) carries the signal itself.
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      record({ url: input instanceof Request ? input.url : String(input), method: init?.method ?? "GET", headers: {}, body: "", signal });
      signal?.addEventListener("abort", () => reject(signal.reason ?? new Error("aborted")), { once: true });
    });
  return { fetch: fetch as typeof globalThis.fetch, sent, untilSent };
}
