// What every entry point prints about where it listens: a URL a person can open, and one warning line when the
// host lets other machines in.
import { describe, expect, it } from "vitest";
import { listeningNotice } from "../src/defaults.js";

const mock = (host: string) => listeningNotice({ host, port: 4010, serves: "the mock", mock: true });

describe("listeningNotice", () => {
  it.each([
    ["127.0.0.1", "http://127.0.0.1:4010"],
    ["127.0.0.2", "http://127.0.0.2:4010"],
    ["::1", "http://[::1]:4010"],
    ["localhost", "http://localhost:4010"],
  ])("gives %s's URL and no warning: only this machine can reach it", (host, url) => {
    expect(mock(host)).toEqual({ url, warning: undefined });
  });

  it("opens a server on 0.0.0.0 at 127.0.0.1, and warns that the network reaches a mock that takes any token", () => {
    expect(mock("0.0.0.0")).toEqual({
      url: "http://127.0.0.1:4010",
      warning: "warning: listening on 0.0.0.0 makes the mock reachable from the network, and the mock accepts any token",
    });
  });

  it.each(["::", "[::]"])("opens a server on %s at [::1], with the same warning", (host) => {
    expect(mock(host)).toEqual({
      url: "http://[::1]:4010",
      warning: "warning: listening on [::] makes the mock reachable from the network, and the mock accepts any token",
    });
  });

  it("keeps a network address in the URL, and warns", () => {
    expect(mock("192.168.1.20")).toEqual({
      url: "http://192.168.1.20:4010",
      warning: "warning: listening on 192.168.1.20 makes the mock reachable from the network, and the mock accepts any token",
    });
  });

  it("says only what is served when the mock is not among it, and appends a path", () => {
    expect(listeningNotice({ host: "0.0.0.0", port: 8080, serves: "the docs", mock: false, path: "/" })).toEqual({
      url: "http://127.0.0.1:8080/",
      warning: "warning: listening on 0.0.0.0 makes the docs reachable from the network",
    });
  });
});
