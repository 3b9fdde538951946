export const json = "application/json";
/** RFC 7396; the only Content-Type the live API accepts on PATCH. */
export const mergePatch = "application/merge-patch+json";
