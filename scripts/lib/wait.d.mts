export declare function waitFor<T>(
  check: () => T | Promise<T>,
  options: { what: string; deadlineMs: number; seen?: () => string | Promise<string>; intervalMs?: number },
): Promise<NonNullable<T>>;

export declare function processGone(pid: number): boolean;
