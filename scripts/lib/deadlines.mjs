// Vitest's time limits for every project of the repo, in one place. They are deadlines that catch a hang, never a
// judgement of speed (speed is `pnpm bench`'s): at least 5× the slowest run of any test they cover, measured on the
// project's 2-core machine with two CPU-bound processes beside the suite and other work on it, where a test that
// takes 1 s on a quiet machine can take 30 s. A test that needs longer (an install, a build, a browser tour) sets its
// own limit beside the figure it was measured at.
export const deadlines = {
  /** One test, hooks excluded. Slowest test under load without a limit of its own: 63 s (the docs samples' tsc). */
  testTimeout: 400_000,
  /** One beforeAll/afterAll/beforeEach/afterEach. Slowest hook under load without a limit of its own: 11 s (Prism). */
  hookTimeout: 600_000,
};
