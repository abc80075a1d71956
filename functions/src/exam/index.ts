// The exam: sessions, registrations export, results processing. Only the pure
// domain exists so far (no entry points yet); this is the feature's only door.
export {
  readCsv,
  formatCsv,
  formatCsvRecord,
  neutraliseFormula,
  type CsvRecord,
  type LineError,
} from "./domain/csv.js";
export {
  importAnswerKey,
  importResponses,
  importFlaggedItems,
  importAngoffRatings,
  MAX_ERRORS,
  type AngoffRatings,
  type AnswerKey,
  type ExamPolicy,
  type FlaggedItem,
  type ImportResult,
  type ResponseMatrix,
} from "./domain/import.js";
export {
  analyseItems,
  scoreMatrix,
  type AnalysisInput,
  type ItemAnalysis,
  type ItemReason,
  type ItemStats,
  type OptionCounts,
  type Recommendation,
  type TestStats,
} from "./domain/analysis.js";
export {
  applyDecisions,
  itemDecisionSchema,
  rawScores,
  scoreCandidates,
  type AppliedDecisions,
  type CandidateScore,
  type DecisionResult,
  type ItemDecision,
  type KeyCorrection,
} from "./domain/scoring.js";
export { decideOutcomes, setPassMark, type Outcome, type PassMark, type PassMarkResult } from "./domain/pass-mark.js";
export {
  compareRuns,
  processRun,
  type RunChanges,
  type RunInput,
  type RunResult,
  type ScoringRun,
} from "./domain/runs.js";
export {
  checkReleaseDate,
  checkTwoPersonRule,
  latestReleaseDate,
  releaseProblems,
  verifyResults,
  type Check,
  type CheckCode,
  type ReleaseProblem,
  type ReleaseProblemCode,
  type Verification,
  type VerificationInput,
} from "./domain/verification.js";
export {
  planSession,
  registrationState,
  zonedInstant,
  type RegistrationState,
  type SessionPlan,
  type SessionResult,
} from "./domain/session.js";
export {
  exportRegistrations,
  exportedRegistrationSchema,
  REGISTRATION_COLUMNS,
  type ExportedRegistration,
  type ExportResult,
} from "./domain/registrations-export.js";
