// Training periods count only when a Level 3 supervisor covered all of them.
import { isLevel3On, type Context } from "../context.js";
import { warning, type Finding } from "../report.js";
import type { TrainingPeriod } from "../schema.js";

export function screenTraining(context: Context): { training: TrainingPeriod[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const training = context.bundle.training.filter((period) => {
    const supervisor = context.supervisors.get(period.supervisorId);
    if (isLevel3On(supervisor, period.start) && isLevel3On(supervisor, period.end)) return true;
    const why = supervisor
      ? `supervisor "${period.supervisorId}" was not Level 3 for the whole period`
      : `supervisor "${period.supervisorId}" is not in the list of supervisors`;
    findings.push(
      warning("TRAINING_SUPERVISOR_NOT_LEVEL3", `Training ${period.id}: ${why}; the period is not counted`, {
        trainingIds: [period.id],
      }),
    );
    return false;
  });
  return { training, findings };
}
