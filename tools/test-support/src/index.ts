export { seededRandom, type Random } from "./random.js";
export { formatPath, type Path, type Resolve, type Schema } from "./schema.js";
export { stringMatching } from "./pattern.js";
export { validBody, type BodyOptions } from "./valid.js";
export { negativeCases, type NegativeCase } from "./negative.js";
export { malformedJson } from "./malformed.js";
export { draws } from "./tier.js";
