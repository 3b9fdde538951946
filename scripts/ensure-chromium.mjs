#!/usr/bin/env node
// The docs' browser test drives Debian's Chromium (Playwright's own browser download does not work here).
// A fresh machine lacks it, so the test command installs it with apt when it can.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(chromiumPath)) {
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    console.error(`[chromium] ${chromiumPath} is missing; install Debian's chromium package (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log("[chromium] installing Debian's chromium with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
}
