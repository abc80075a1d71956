// The exam's pure domain in one import (no Firebase, no clock): for the unit
// tests and Stryker, which must not load the feature's entry points.
export * from "./analysis.js";
export * from "./csv.js";
export * from "./import.js";
export * from "./letters.js";
export * from "./pass-mark.js";
export * from "./registrations-export.js";
export * from "./runs.js";
export * from "./scoring.js";
export * from "./session.js";
export * from "./verification.js";
