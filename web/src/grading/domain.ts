// The grading feature's pure rules, bundled into the grading screens only:
// the grade form checks what the gradeApplication callable checks.
export {
  GRADE_AREAS,
  AREA_VERDICTS,
  areaApplies,
  gradeProblems,
  type AreaVerdict,
  type GradeArea,
  type GradeInput,
} from "../../../functions/src/grading/domain/grade";
export { compareHistory } from "../../../functions/src/grading/domain/history";
