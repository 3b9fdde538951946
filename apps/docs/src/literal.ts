// Renders a JSON value as a TypeScript object literal the way a person would type it: identifier keys unquoted,
// short arrays of scalars on one line, trailing commas. The value always comes from one of the spec's examples.
import type { Json } from "./openapi.js";

const identifier = /^[A-Za-z_$][\w$]*$/;

function isScalar(value: Json): boolean {
  return value === null || typeof value !== "object";
}

export function typescriptLiteral(value: Json, indent = ""): string {
  if (isScalar(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isScalar)) return `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
    return `[\n${value.map((item) => `${inner}${typescriptLiteral(item, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, Json>);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item]) => {
    const name = identifier.test(key) ? key : JSON.stringify(key);
    return `${inner}${name}: ${typescriptLiteral(item, inner)},\n`;
  });
  return `{\n${lines.join("")}${indent}}`;
}
