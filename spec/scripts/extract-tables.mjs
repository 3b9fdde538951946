#!/usr/bin/env node
// Extracts every numbered parameter table of the API pages into JSON: the transcription tests' oracles.
// - The two seed pages (../shared/seeds) → spec/test/fixtures/pages.json. The oracle is committed so the test runs
//   without the pages; when they are present the test also re-extracts them and fails if the oracle has gone stale.
// - The three lifecycle pages, kept as text in spec/test/fixtures/pages/ → spec/test/fixtures/lifecycle-pages.json.
// - The three pages of a pool's nodes and of resource flavors, kept there too → spec/test/fixtures/nodes-pages.json.
//
// Page format (as text): a "Table N Title" line, the header cells (Parameter, [Mandatory,] Type, Description), then
// one cell per line for each row, blank lines between; option bullets are "  • value: meaning" lines.
// Newer pages split a description into "Definition:", "Constraints:", "Range:" and "Default Value:" parts; their
// options are the bullets under "Range:", and the row also gets `constraints`, `range` and `default` when the page
// gives them (anything but "N/A").
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PAGES = {
  createPool: "004_6e7e69b710e8d2f1.txt",
  updatePool: "000_f19b821c4256cb39.txt",
};

/** The lifecycle pages, in spec/test/fixtures/pages/ (their README says where each text comes from). */
export const LIFECYCLE_PAGES = {
  showPool: "ShowPool.txt",
  listPools: "ListPools.txt",
  deletePool: "DeletePool.txt",
};

/** The pages of a pool's nodes and of resource flavors, in spec/test/fixtures/pages/ too. */
export const NODES_PAGES = {
  listPoolNodes: "ListPoolNodes.txt",
  batchDeletePoolNodes: "BatchDeletePoolNodes.txt",
  listResourceFlavors: "ListResourceFlavors.txt",
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
      if (description.some((line) => LABELLED.test(line))) {
        Object.assign(row, labelledParts(description));
      } else {
        const bullets = description.filter((line) => line.trimStart().startsWith("•"));
        row.description = description.filter((line) => !line.trimStart().startsWith("•")).map((line) => line.trim()).join(" ");
        row.options = bullets.map(option);
      }
      rows.push(row);
    }
    tables.push({ number: Number(heading[1]), title: heading[2].trim(), rows });
  }
  return tables;
}

/** "Definition: …", "*Range: …" (the page marks some with a star), even "• Definition: …" as one page writes it. */
const LABELLED = /^\s*(?:•\s*)?\*?(Definition|Constraints|Range|Default Value):\s*(.*)$/;

/** The value an option bullet names: "  • created: The resource pool is …" → "created". */
const option = (line) => line.replace(/^\s*•\s*/, "").split(":")[0].trim();

/** A description in labelled parts → its definition, options (the bullets under Range), constraints, range, default. */
function labelledParts(lines) {
  const parts = {};
  let label;
  for (const line of lines) {
    const labelled = LABELLED.exec(line);
    if (labelled) {
      label = labelled[1];
      parts[label] = { text: [labelled[2].trim()].filter(Boolean), bullets: [] };
    } else if (label && line.trimStart().startsWith("•")) parts[label].bullets.push(option(line));
    else if (label) parts[label].text.push(line.trim());
  }
  const text = (name) => parts[name]?.text.join(" ") ?? "";
  const given = (value) => value !== "" && value !== "N/A";
  return {
    description: text("Definition"),
    options: parts.Range?.bullets ?? [],
    ...(given(text("Constraints")) && { constraints: text("Constraints") }),
    ...(given(text("Range")) && { range: text("Range") }),
    ...(given(text("Default Value")) && { default: text("Default Value") }),
  };
}

function startsRow(cells, j, hasMandatory) {
  if (cells[j].trimStart().startsWith("•")) return false;
  return hasMandatory ? MANDATORY.test(cells[j + 1] ?? "") && TYPE.test(cells[j + 2] ?? "") : TYPE.test(cells[j + 1] ?? "");
}

function extractFrom(dir, pages) {
  return Object.fromEntries(
    Object.entries(pages).map(([operation, file]) => [operation, extractTables(readFileSync(join(dir, file), "utf8"))]),
  );
}

export function extractPages(seedsDir) {
  return extractFrom(seedsDir, PAGES);
}

export function extractLifecyclePages(pagesDir) {
  return extractFrom(pagesDir, LIFECYCLE_PAGES);
}

export function extractNodesPages(pagesDir) {
  return extractFrom(pagesDir, NODES_PAGES);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const fixtures = join(here, "../test/fixtures");
  const seeds = process.argv[2] ?? join(here, "../../../shared/seeds");
  const oracles = [
    [join(fixtures, "pages.json"), () => extractPages(seeds)],
    [join(fixtures, "lifecycle-pages.json"), () => extractLifecyclePages(join(fixtures, "pages"))],
    [join(fixtures, "nodes-pages.json"), () => extractNodesPages(join(fixtures, "pages"))],
  ];
  for (const [out, extract] of oracles) {
    writeFileSync(out, `${JSON.stringify(extract(), null, 2)}\n`);
    console.log(`wrote ${out}`);
  }
}
