// The state file of stateful mode (--state <file>): the pools and nodes the mock keeps, written after every change it
// answered, and read back at start, so a restart, a crash or kill -9 loses nothing a client was told. Written aside
// and renamed over the file (an interrupted write leaves the old file whole, never half a new one); a file that is
// not the mock's is refused at start with its name and the problem, and never overwritten.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { StateSnapshot } from "./stateful.js";

/** What marks a file as the mock's state, and the shape it has. A file of another version is refused, not guessed at. */
export const STATE_FORMAT = "modelarts-pools-mock/state";
export const STATE_VERSION = 1;

interface StateFile extends StateSnapshot {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
}

/** The state the file holds; undefined when there is no file yet. Throws an Error naming the file and the problem. */
export function readStateFile(path: string): StateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`state file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`state file ${path}: is not JSON, so not a state file of the mock (it is left as it is)`);
  }
  const file = value as Partial<StateFile> | null;
  if (typeof file !== "object" || file === null || file.format !== STATE_FORMAT) {
    throw new Error(`state file ${path}: is not a state file of the mock (its "format" is not ${JSON.stringify(STATE_FORMAT)}; it is left as it is)`);
  }
  if (file.version !== STATE_VERSION) {
    throw new Error(`state file ${path}: is version ${JSON.stringify(file.version)}, and this mock reads version ${STATE_VERSION} (it is left as it is)`);
  }
  return { collections: file.collections as StateSnapshot["collections"], nodes: file.nodes as StateSnapshot["nodes"] };
}

/** Writes the state: to a file beside it, flushed to disk, then renamed over it. */
export function writeStateFile(path: string, state: StateSnapshot): void {
  const aside = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const file: StateFile = { format: STATE_FORMAT, version: STATE_VERSION, ...state };
  const descriptor = openSync(aside, "w");
  try {
    writeSync(descriptor, JSON.stringify(file));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(aside, path);
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}
