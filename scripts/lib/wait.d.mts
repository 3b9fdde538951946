/** What a check's result is once it counts as done: anything but false, null, undefined, 0 or "". */
export type Truthy<T> = Exclude<T, false | null | undefined | 0 | "">;

export declare function waitFor<T>(
  check: () => T | Promise<T>,
  options: { what: string; deadlineMs: number; seen?: () => string | Promise<string>; intervalMs?: number },
): Promise<Truthy<T>>;

export declare function processGone(pid: number): boolean;
