// The exam: sessions, registrations, results processing, release and the
// certificate of completion (docs/exam.md). This is the feature's only door.
export {
  createExamSession,
  registerForExam,
  cancelExamRegistration,
  exportExamRegistrations,
} from "./callables/sessions.js";
export {
  importExamFile,
  recordExamAbsences,
  recordExamItemDecisions,
  rescoreExam,
  setExamPassMark,
  verifyExamResults,
  getExamReport,
  prepareExamResults,
  approveExamResults,
  setExamReleaseDate,
} from "./callables/results.js";
export { examResultsRelease } from "./schedules/exam-release.js";
export { completionCertificateOnExamResult } from "./triggers/on-exam-result-write.js";
export { runExamReleaseJob } from "./release-job.js";
export { EXAM_COLLECTIONS, examPaths } from "./paths.js";
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
