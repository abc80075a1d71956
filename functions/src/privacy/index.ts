// The privacy feature: the personal-data export, erasure on request and the
// daily retention job (docs/privacy.md).
export { exportMyData } from "./callables/export-my-data.js";
export { requestErasure } from "./callables/request-erasure.js";
export { retentionJob } from "./schedules/retention.js";
