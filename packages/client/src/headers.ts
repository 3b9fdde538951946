// Header names are case-insensitive, but a plain object is not: `Content-Type` and `content-type` would be two
// keys, which fetch joins into one value while the signer signs only one of them. Every header set is therefore
// built here, with lower-case names.

/** The headers of all `sources` with lower-case names; for a name given twice, the last source wins. */
export function mergeHeaders(...sources: (Record<string, string> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of sources) for (const [name, value] of Object.entries(source ?? {})) out[name.toLowerCase()] = value;
  return out;
}
