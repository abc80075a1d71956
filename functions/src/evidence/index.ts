// The evidence feature: uploaded certificates and letters, checked on upload.
export { checkEvidenceUpload } from "./storage/check-evidence-upload.js";
