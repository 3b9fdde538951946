// Where the mock listens unless told otherwise, and what to tell a person about where it listens. A module of its own
// so that the docs and the repo's scripts can use it without loading Prism.
import { isIPv6 } from "node:net";

/** Loopback only: the mock is for the person at this machine. */
export const DEFAULT_HOST = "127.0.0.1";
/** The port of the CLI, `npm start` and the docs' samples: Prism's own default, so existing habits carry over. */
export const DEFAULT_PORT = 4010;

export interface ListeningNotice {
  /** A URL a person can open: a wildcard address (0.0.0.0, ::) becomes this machine's loopback address. */
  url: string;
  /** One line to print when the host is not a loopback address: others can reach what is served. */
  warning: string | undefined;
}

const isLoopback = (host: string) => /^127(\.\d{1,3}){3}$/.test(host) || host === "::1" || host === "::ffff:127.0.0.1" || host === "localhost";

export interface Listening {
  /** The host the server was asked to listen on (or the address it bound). */
  host: string;
  port: number;
  /** What is served, for the warning: "the mock", "the docs", "the mock and the docs". */
  serves: string;
  /** Whether the mock is among what is served: the warning then adds that it accepts any token. */
  mock: boolean;
  /** Appended to the URL, e.g. "/" for the docs' page. */
  path?: string;
}

/**
 * What every entry point (the mock's CLI, `npm start`, `pnpm dev`, the docs server) prints for a server it started.
 * Binding a wildcard or a network address makes the server reachable by anyone who can reach this machine, and the
 * mock takes any token: the warning says so, in one line.
 */
export function listeningNotice({ host, port, serves, mock, path = "" }: Listening): ListeningNotice {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  const openable = bare === "0.0.0.0" || bare === "" ? "127.0.0.1" : bare === "::" ? "::1" : bare;
  const url = `http://${isIPv6(openable) ? `[${openable}]` : openable}:${port}${path}`;
  const shown = isIPv6(bare) ? `[${bare}]` : bare || "every interface";
  const reachable = `warning: listening on ${shown} makes ${serves} reachable from the network`;
  return { url, warning: isLoopback(bare) ? undefined : mock ? `${reachable}, and the mock accepts any token` : reachable };
}
