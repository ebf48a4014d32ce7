/**
 * The project kernel's entry point (kernelspec argv): brings lib's declaration files up to date,
 * then starts tslab with the arguments Jupyter passed ("kernel --config-path <file>").
 */
"use strict";
const path = require("node:path");
const { ensureLibTypes } = require("./lib-types.cjs");

ensureLibTypes();
require(path.join(path.resolve(__dirname, "..", ".."), "node_modules", "tslab", "dist", "main.js")).main();
