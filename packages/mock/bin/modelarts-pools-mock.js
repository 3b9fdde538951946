#!/usr/bin/env node
// Committed so that installing the workspace can link the bin before `build` has made dist/; the CLI itself is dist/cli.js.
import "../dist/cli.js";
