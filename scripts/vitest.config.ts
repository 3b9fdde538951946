import { defineConfig } from "vitest/config";
import { vitestProject } from "./lib/vitest-project.mjs";

export default defineConfig(vitestProject("scripts"));
