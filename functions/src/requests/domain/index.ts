// The requests feature's pure core.
export * from "./checks.js";
export * from "./kinds.js";
export * from "./lifecycle.js";
export * from "./messages.js";
