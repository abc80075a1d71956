// The requests feature: extensions, remote supervision, special
// circumstances, logbook and exam appeals, on one lifecycle
// (docs/requests.md). Other features use only what is exported here.
export { submitRequest } from "./callables/submit-request.js";
export { resubmitRequest } from "./callables/resubmit-request.js";
export { withdrawRequest } from "./callables/withdraw-request.js";
export { requestChanges } from "./callables/request-changes.js";
export { decideRequest } from "./callables/decide-request.js";
export { onRequestWrite } from "./triggers/on-request-write.js";
export { AWAITING_DECISION, REQUEST_KINDS, type RequestKind } from "./domain/index.js";
