// Reads what one vitest run left in its JSON report (--reporter=json --outputFile.json=FILE): how many tests ran,
// how many passed, and each failure as "file › describe › test" with the first line of its message.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";

const firstLine = (message = "") => message.replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 200);

/**
 * `exit` is the run's exit code (or the signal that ended it): a run that failed without naming a failed test
 * (an unhandled error, a crash before the report was written) is counted as one failure of the run itself.
 */
export function failuresOf(reportFile, root, exit) {
  if (!existsSync(reportFile)) {
    return { total: 0, passed: 0, failures: [{ test: "(vitest run)", message: `ended with ${exit} before writing its report` }] };
  }
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  const failures = [];
  for (const file of report.testResults) {
    const name = relative(root, file.name);
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push({ test: [name, ...test.ancestorTitles, test.title].join(" › "), message: firstLine(test.failureMessages[0]) });
    // A file that failed to load, or whose hook failed, fails with a message of its own.
    // Vitest's report leaves the message empty for some of these (a describe with no test in it): say what it means.
    if (file.status === "failed" && failed.length === 0) {
      failures.push({ test: `${name} › (the file)`, message: firstLine(file.message) || "failed with no failed test: an empty describe or a failing hook (vitest's output above says which)" });
    }
  }
  if (failures.length === 0 && exit !== 0) failures.push({ test: "(vitest run)", message: `exited with ${exit} and no failed test in its report` });
  return { total: report.numTotalTests, passed: report.numPassedTests, failures };
}
