export interface Failure {
  /** "file › describe › test", or "file › (the file)" when the file failed with no failed test. */
  test: string;
  message: string;
}

export declare function failuresOf(
  reportFile: string,
  root: string,
  exit: number | string | null,
): { total: number; passed: number; failures: Failure[] };
