import { defineConfig } from "vitest/config";
import { vitestProject } from "../../scripts/lib/vitest-project.mjs";

export default defineConfig(vitestProject("docs"));
