// Semver levels a spec difference can demand, ordered so the strongest wins.
export type Level = "patch" | "minor" | "major";
export type Bump = Level | "none";

const order: readonly Bump[] = ["none", "patch", "minor", "major"];

export function rank(bump: Bump): number {
  return order.indexOf(bump);
}

export function strongest(bumps: Iterable<Bump>): Bump {
  let best: Bump = "none";
  for (const bump of bumps) if (rank(bump) > rank(best)) best = bump;
  return best;
}
