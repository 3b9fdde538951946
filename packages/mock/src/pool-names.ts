// The name (`metadata.name`, the pool's ID) stateful mode gives a created pool.
import { randomUUID } from "node:crypto";

/** The live API's suffix: 32 hex digits after the label (`pool-001-86c13962597848eeb29c5861153a391f`). */
const SUFFIX_DIGITS = 32;
/** The fewest hex digits a shortened suffix keeps: 32 random bits, so two long labels alike up to the cut still differ. */
const MIN_SUFFIX_DIGITS = 8;

/**
 * The name of a pool labelled `label`: the label, `-` and 32 hex digits, as the live API names pools, when that fits in
 * `maxLength`. showPool and deletePool take names of at most 63 characters (the "Obtaining a Resource Pool" page's
 * range, in the spec's `pool_name` parameter), while the name label may have 64, so the live form of a label longer
 * than 30 characters names a pool that could never be shown or deleted. Such a label's name is shortened instead:
 * fewer hex digits (down to 8), then the label cut (never ending in `-`), so that every pool the mock makes can be
 * shown and deleted. The create request stays valid as the seed page and API Explorer define it (4–64 characters),
 * which is why the mock shortens rather than refuses. `taken` says a name is in use, to draw again.
 */
export function poolNameFor(label: string, maxLength: number, taken: (name: string) => boolean): string {
  const digits = Math.max(MIN_SUFFIX_DIGITS, Math.min(SUFFIX_DIGITS, maxLength - label.length - 1));
  const prefix = label.slice(0, Math.max(1, maxLength - digits - 1)).replace(/-+$/, "");
  for (;;) {
    const name = `${prefix}-${randomUUID().replaceAll("-", "").slice(0, digits)}`;
    if (!taken(name)) return name;
  }
}
