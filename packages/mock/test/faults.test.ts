// Latency and faults on purpose: the wait is on the mock's clock (a manual clock here, moved by the test, never raced),
// Prefer asks for one request's delay or fault, and a seeded fault rate gives the same 503s, 429s and resets for the
// same seed and requests. A request whose answer waits shows up in the clock's pending timers: that is what the tests
// wait for before they move the clock.
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { FAULT_TIMEOUT_MAX_MS, manualClock, startMock, type ManualClock, type MockOptions } from "../src/index.js";
import { faultsOf, parseLatency } from "../src/faults.js";
import { call, exampleOf, PROJECT, TOKEN, withMock } from "./support.js";

const create = { body: exampleOf("createDedicatedPool") };

/** Resolves once the clock has `count` timers waiting (a request's delay, a held connection): an event, not a time. */
async function pendingTimers(clock: ManualClock, count: number): Promise<void> {
  while (clock.pending < count) await new Promise((resolve) => setImmediate(resolve));
}

describe("latency", () => {
  it("holds every answer for --latency ms on the mock's clock", async () => {
    const clock = manualClock();
    await withMock({ clock, latency: 250 }, async (mock) => {
      let answered = false;
      const reply = call(mock, create).then((result) => ((answered = true), result));
      await pendingTimers(clock, 1);
      clock.advance(249);
      await new Promise((resolve) => setImmediate(resolve));
      expect(answered).toBe(false);
      clock.advance(1);
      expect((await reply).status).toBe(200);
    });
  });

  it("holds one answer for Prefer: delay=<ms>, refusals included", async () => {
    const clock = manualClock();
    await withMock({ clock }, async (mock) => {
      const refused = call(mock, { body: "{}", headers: { prefer: "delay=1000" } });
      await pendingTimers(clock, 1);
      clock.advance(1000);
      expect((await refused).status).toBe(400);
      // Without the preference nothing waits.
      expect((await call(mock, create)).status).toBe(200);
      expect(clock.pending).toBe(0);
    });
  });

  it("refuses a delay that is not a number of milliseconds up to the maximum, naming the rule", async () => {
    await withMock({}, async (mock) => {
      for (const delay of ["-5", "soon", "600000"]) {
        const reply = await call(mock, { ...create, headers: { prefer: `delay=${delay}` } });
        expect(reply.status).toBe(400);
        expect(reply.body.error_msg).toContain(`Prefer: delay must be a whole number of milliseconds from 0 to 60000, not ${delay}`);
      }
    });
  });

  it("parses --latency 200 and --latency 100-300, and says what is wrong with anything else", () => {
    expect(parseLatency("200")).toBe(200);
    expect(parseLatency("100-300")).toEqual({ min: 100, max: 300 });
    expect(parseLatency("300-100")).toBe("--latency 300-100: the range must go from a smaller number to a larger one");
    expect(parseLatency("-5")).toBe("--latency must be milliseconds (200) or a range of them (100-300), not -5");
  });

  it("draws each answer's wait from the range, repeatably by seed", () => {
    const draws = (seed: string) => {
      const faults = faultsOf({ latency: { min: 100, max: 300 }, seed });
      return Array.from({ length: 20 }, () => (faults.delayFor(new Map()) as { ms: number }).ms);
    };
    const first = draws("s-1");
    expect(first.every((ms) => ms >= 100 && ms <= 300)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(5);
    expect(draws("s-1")).toEqual(first);
    expect(draws("s-2")).not.toEqual(first);
  });
});

describe("Prefer: fault", () => {
  it("fault=reset closes the connection without an answer, and the journal says so", async () => {
    await withMock({}, async (mock) => {
      await expect(call(mock, { ...create, headers: { prefer: "fault=reset" } })).rejects.toThrow();
      expect(mock.requests()).toEqual([expect.objectContaining({ operationId: "createPool", status: null, fault: "reset" })]);
      // The mock goes on answering.
      expect((await call(mock, create)).status).toBe(200);
    });
  });

  it("fault=timeout holds the connection unanswered until the client gives up, or the mock's maximum", async () => {
    const clock = manualClock();
    await withMock({ clock }, async (mock) => {
      const controller = new AbortController();
      const given = call(mock, { ...create, headers: { prefer: "fault=timeout" } });
      const abandoned = fetch(`${mock.url}/v2/${PROJECT}/pools`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-auth-token": TOKEN, prefer: "fault=timeout" },
        body: JSON.stringify(create.body),
        signal: controller.signal,
      });
      await pendingTimers(clock, 2);
      controller.abort();
      await expect(abandoned).rejects.toThrow();
      // The other is still held: only the mock's maximum ends it.
      clock.advance(FAULT_TIMEOUT_MAX_MS);
      await expect(given).rejects.toThrow();
      expect(mock.requests().map((entry) => entry.fault)).toEqual(["timeout", "timeout"]);
    });
  });

  it("fault=503 and fault=429 answer with Retry-After; another fault is refused, naming the ones there are", async () => {
    await withMock({ retryAfterSeconds: 7 }, async (mock) => {
      for (const status of [503, 429]) {
        const reply = await call(mock, { ...create, headers: { prefer: `fault=${status}` } });
        expect(reply.status).toBe(status);
        expect(reply.headers.get("retry-after")).toBe("7");
        expect(reply.body.error_code).toMatch(/^ModelArts\./);
      }
      const unknown = await call(mock, { ...create, headers: { prefer: "fault=fire" } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error_msg).toContain("Prefer: fault=fire is not a fault the mock makes (it makes reset, timeout, 503 and 429)");
    });
  });
});

/** The fault each of `count` creates gets: its status, or "reset". */
async function faultSequence(options: MockOptions, count: number): Promise<(number | string)[]> {
  return withMock(options, async (mock) => {
    const seen: (number | string)[] = [];
    for (let index = 0; index < count; index++) {
      seen.push(await call(mock, create).then((reply) => reply.status, () => "reset"));
    }
    return seen;
  });
}

describe("--fault-rate with --seed", () => {
  it("answers that share of the requests with a 503, a 429 or a reset, the same ones for the same seed", async () => {
    const first = await faultSequence({ faultRate: 0.5, seed: "faults-1", retryAfterSeconds: 0 }, 40);
    const faults = first.filter((outcome) => outcome !== 200);
    expect(faults.length).toBeGreaterThan(8);
    expect(faults.length).toBeLessThan(32);
    expect(new Set(faults)).toEqual(new Set([503, 429, "reset"]));
    expect(await faultSequence({ faultRate: 0.5, seed: "faults-1", retryAfterSeconds: 0 }, 40)).toEqual(first);
    expect(await faultSequence({ faultRate: 0.5, seed: "faults-2", retryAfterSeconds: 0 }, 40)).not.toEqual(first);
  });

  it("answers every request at 0 and none at 1", async () => {
    expect(new Set(await faultSequence({ faultRate: 0, seed: "x" }, 10))).toEqual(new Set([200]));
    expect((await faultSequence({ faultRate: 1, seed: "x", retryAfterSeconds: 0 }, 10)).includes(200)).toBe(false);
  });

  it("starts the draws again on reset", async () => {
    await withMock({ faultRate: 0.5, seed: "again", retryAfterSeconds: 0 }, async (mock) => {
      const run = async () => {
        const seen: (number | string)[] = [];
        for (let index = 0; index < 12; index++) seen.push(await call(mock, create).then((reply) => reply.status, () => "reset"));
        return seen;
      };
      const first = await run();
      await mock.reset();
      expect(await run()).toEqual(first);
    });
  });

  it("refuses a rate outside 0..1 and a latency range upside down, naming the option", async () => {
    await expect(startMock({ port: 0, faultRate: 1.5 })).rejects.toThrow("faultRate must be a number from 0 to 1, not 1.5");
    await expect(startMock({ port: 0, latency: { min: 300, max: 100 } })).rejects.toThrow("latency must be a whole number of milliseconds from 0 up, or { min, max } with min ≤ max");
  });
});

describe("faults and the spec's checks", () => {
  it("a request the checks refuse gets its 400, never a fault", async () => {
    const statuses = await withMock({ faultRate: 1, seed: "x" }, async (mock) => {
      const seen: number[] = [];
      for (let index = 0; index < 5; index++) seen.push((await call(mock, { body: "{}" })).status);
      return seen;
    });
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
  });

  it("a raw HTTP client sees fault=reset as a connection closed with no answer", async () => {
    await withMock({}, async (mock) => {
      const { port } = new URL(mock.url);
      const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
        const outgoing = httpRequest({ host: "127.0.0.1", port, method: "GET", path: `/v2/${PROJECT}/pools`, headers: { "x-auth-token": TOKEN, prefer: "fault=reset" } }, () => reject(new Error("an answer came")));
        outgoing.on("error", resolve);
        outgoing.end();
      });
      expect(error.code).toMatch(/ECONNRESET|socket hang up/);
    });
  });
});
