// The grading feature's pure core.
export * from "./assignment.js";
export * from "./certificate.js";
export * from "./grade.js";
export * from "./history.js";
export * from "./institution.js";
export * from "./random-check.js";
export * from "./register.js";
