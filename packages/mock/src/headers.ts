// Node gives a header that came more than once as an array; the mock reads the first, as the live gateway does.

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
