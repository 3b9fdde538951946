// The page's search shows a description's lines joined without a space ("scale itout"), so the page is built from
// descriptions whose soft breaks are spaces: every other line break (blocks, list items, table rows, code) stays.
import { describe, expect, it } from "vitest";
import { joinDescriptionBreaks, joinSoftBreaks } from "../src/soft-breaks.ts";

describe("joinSoftBreaks", () => {
  it("joins the lines of a paragraph with one space, and keeps the blank line between paragraphs", () => {
    expect(joinSoftBreaks("create it, wait, scale it\nout, delete it\n\nThen  \nagain")).toBe("create it, wait, scale it out, delete it\n\nThen  \nagain");
  });

  it("keeps list items, headings, tables, quotes and code as they are, and joins a list item's continuation lines", () => {
    const markdown = [
      "## Errors",
      "A failed call answers",
      "with a body:",
      "",
      "| code | status |",
      "| --- | --- |",
      "| `X` | 404 |",
      "",
      "- one item that goes",
      "  on a second line",
      "- another",
      "1. numbered",
      "> quoted",
      "",
      "```ts",
      "const a = 1;",
      "const b = 2;",
      "```",
      "    indented code",
      "    more code",
    ].join("\n");
    expect(joinSoftBreaks(markdown).split("\n")).toEqual([
      "## Errors",
      "A failed call answers with a body:",
      "",
      "| code | status |",
      "| --- | --- |",
      "| `X` | 404 |",
      "",
      "- one item that goes on a second line",
      "- another",
      "1. numbered",
      "> quoted",
      "",
      "```ts",
      "const a = 1;",
      "const b = 2;",
      "```",
      "    indented code",
      "    more code",
    ]);
  });

  it("joins every description of a document, and nothing else", () => {
    const document = { info: { description: "a\nb" }, paths: { "/x": { get: { description: "c\nd", summary: "e\nf", parameters: [{ description: "g\nh" }] } } } };
    joinDescriptionBreaks(document);
    expect(document).toEqual({ info: { description: "a b" }, paths: { "/x": { get: { description: "c d", summary: "e\nf", parameters: [{ description: "g h" }] } } } });
  });
});
