#!/usr/bin/env node
// Extracts every numbered parameter table of the two API pages into JSON: the transcription test's oracle.
// The oracle is committed (spec/test/fixtures/pages.json) so the test runs without the pages; when the pages are
// present (../shared/seeds) the test also re-extracts them and fails if the committed oracle has gone stale.
//
// Page format (as text): a "Table N Title" line, the header cells (Parameter, [Mandatory,] Type, Description), then
// one cell per line for each row, blank lines between; option bullets are "  • value: meaning" lines.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PAGES = {
  createPool: "004_6e7e69b710e8d2f1.txt",
  updatePool: "000_f19b821c4256cb39.txt",
};

const TYPE = /^(String|Integer|Long|Boolean|Number|Float|Object|Array of [\w ]+|[\w]+ object)$/;
const MANDATORY = /^(Yes|No)$/;
const SECTION_END = /^(Table \d+ |Status code: \d+|Example Requests|Example Responses|Response Parameters|Request Parameters|Status Codes|Error Codes)/;

/** @param {string} text the page as text @returns {Array<object>} its tables */
export function extractTables(text) {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+$/, ""));
  const cells = lines.filter((line) => line.trim() !== "");
  const tables = [];
  for (let i = 0; i < cells.length; i++) {
    const heading = /^Table (\d+) (.+)$/.exec(cells[i]);
    if (!heading) continue;
    const hasMandatory = cells[i + 2] === "Mandatory";
    let j = i + (hasMandatory ? 5 : 4); // skip the header cells
    const rows = [];
    while (j < cells.length && !SECTION_END.test(cells[j])) {
      const width = hasMandatory ? 3 : 2;
      const isRow = hasMandatory ? MANDATORY.test(cells[j + 1] ?? "") && TYPE.test(cells[j + 2] ?? "") : TYPE.test(cells[j + 1] ?? "");
      if (!isRow) throw new Error(`Table ${heading[1]}: cannot read a row at "${cells[j]}"`);
      const row = { name: cells[j].trim() };
      if (hasMandatory) row.mandatory = cells[j + 1] === "Yes";
      row.type = cells[j + width - 1];
      j += width;
      const description = [];
      while (j < cells.length && !SECTION_END.test(cells[j]) && !startsRow(cells, j, hasMandatory)) description.push(cells[j++]);
      const bullets = description.filter((line) => line.trimStart().startsWith("•"));
      row.description = description.filter((line) => !line.trimStart().startsWith("•")).map((line) => line.trim()).join(" ");
      row.options = bullets.map((line) => line.replace(/^\s*•\s*/, "").split(":")[0].trim());
      rows.push(row);
    }
    tables.push({ number: Number(heading[1]), title: heading[2].trim(), rows });
  }
  return tables;
}

function startsRow(cells, j, hasMandatory) {
  if (cells[j].trimStart().startsWith("•")) return false;
  return hasMandatory ? MANDATORY.test(cells[j + 1] ?? "") && TYPE.test(cells[j + 2] ?? "") : TYPE.test(cells[j + 1] ?? "");
}

export function extractPages(seedsDir) {
  return Object.fromEntries(
    Object.entries(PAGES).map(([operation, file]) => [operation, extractTables(readFileSync(join(seedsDir, file), "utf8"))]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const seeds = process.argv[2] ?? join(here, "../../../shared/seeds");
  const out = join(here, "../test/fixtures/pages.json");
  writeFileSync(out, `${JSON.stringify(extractPages(seeds), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
