import type { CaseRule } from "../../context.js";
import { covers, remoteRuleFor } from "../../remote-supervision.js";

// "Remote mentoring requires prior approval": a case supervised from another
// institution counts only on a date a granted remote-supervision request naming
// the supervisor covers (domain/remote-supervision.ts).
export const remoteSupervisionNotApproved: CaseRule = {
  code: "REMOTE_SUPERVISION_NOT_APPROVED",
  prepare: (context) => {
    const rules = new Map<string, ReturnType<typeof remoteRuleFor>>();
    const ruleOf = (id: string) => {
      if (!rules.has(id)) rules.set(id, remoteRuleFor(context, id));
      return rules.get(id)!;
    };
    return (c) => {
      const rule = ruleOf(c.supervisorId);
      if (rule === null || covers(rule, c.studyDate)) return null;
      return `${rule.why}; a case they supervised counts only with a granted remote-supervision request naming them that covers ${c.studyDate} (remote mentoring requires prior approval)`;
    };
  },
};
