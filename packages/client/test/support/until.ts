// Waiting for something that must happen, driven by events: the check runs again each time the watched thing
// changes (a request sent, a timer set or cleared), never on a poll. The deadline only catches a hang; when it
// passes, the error says what was awaited and what was seen instead.

/** Long enough that only a hang reaches it, even on a loaded 2-core machine; the client's testTimeout is longer. */
export const hangDeadlineMs = 10_000;

export class Changes {
  readonly #listeners = new Set<() => void>();

  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** Resolves with the first non-undefined result of `check`, checked now and after every change. */
  until<T>(check: () => T | undefined, awaited: string, seen: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = () => {
        const result = check();
        if (result === undefined) return;
        stop();
        resolve(result);
      };
      const deadline = setTimeout(() => {
        stop();
        reject(new Error(`gave up after ${hangDeadlineMs} ms waiting for ${awaited}; saw ${seen()}`));
      }, hangDeadlineMs);
      const stop = () => {
        clearTimeout(deadline);
        this.#listeners.delete(listener);
      };
      this.#listeners.add(listener);
      listener();
    });
  }
}
