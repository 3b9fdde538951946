// Types only: `export type` keeps the compiled index.js free of statements, so importing this package costs nothing
// at run time.
export type * from "./generated/openapi.js";
