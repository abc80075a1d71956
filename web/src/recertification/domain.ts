// The recertification feature's pure schemas, bundled into its screens only:
// the checklist form checks what the server's report parses.
export {
  checklistSchema,
  cycleYear,
  type Checklist,
  type ChecklistYear,
} from "../../../functions/src/recertification/domain/requirements";
export { cycleOf } from "../../../functions/src/recertification/domain/application";
