// The exam feature's pure importers and schemas, bundled into the board's
// screens only: the import preview runs the server's own checks on the file
// before it is sent, with the same line-numbered errors.
export { readCsv, type LineError } from "../../../functions/src/exam/domain/csv";
export {
  importAnswerKey,
  importAngoffRatings,
  importFlaggedItems,
  importResponses,
  type AnswerKey,
} from "../../../functions/src/exam/domain/import";
export { itemDecisionSchema, type ItemDecision } from "../../../functions/src/exam/domain/scoring";
export { planSession, registrationState } from "../../../functions/src/exam/domain/session";
