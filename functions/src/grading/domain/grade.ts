// A grader's grade and what two grades (or the chair) decide.
import { z } from "zod";
import type { Route } from "../../platform/domain/programme.js";

export const GRADE_AREAS = ["cases", "training", "cme", "peerRecognition", "supervisorDeclaration"] as const;
export type GradeArea = (typeof GRADE_AREAS)[number];
export const AREA_VERDICTS = ["meets", "does-not-meet", "not-applicable"] as const;
export type AreaVerdict = (typeof AREA_VERDICTS)[number];
export const OVERALL = ["pass", "fail"] as const;
export type Overall = (typeof OVERALL)[number];

export const gradeInputSchema = z.object({
  areas: z.object(
    Object.fromEntries(GRADE_AREAS.map((a) => [a, z.enum(AREA_VERDICTS)])) as Record<
      GradeArea,
      z.ZodEnum<{ [K in AreaVerdict]: K }>
    >,
  ),
  overall: z.enum(OVERALL),
  comment: z.string().trim().min(1, "say why").max(5000),
});
export type GradeInput = z.infer<typeof gradeInputSchema>;

/** Peer recognition is not a Level 2 requirement; every other area always is. */
export const areaApplies = (area: GradeArea, route: Route) => area !== "peerRecognition" || route !== "level2";

/** What is wrong with a grade for this route, or an empty list. */
export function gradeProblems(grade: GradeInput, route: Route): string[] {
  const problems: string[] = [];
  for (const area of GRADE_AREAS) {
    const verdict = grade.areas[area];
    if (areaApplies(area, route) && verdict === "not-applicable") {
      problems.push(`${area} is a requirement of the ${route} route: say meets or does-not-meet`);
    }
    if (!areaApplies(area, route) && verdict !== "not-applicable") {
      problems.push(`${area} is not a requirement of the ${route} route: say not-applicable`);
    }
  }
  // Every applicable requirement must be met for a pass.
  if (grade.overall === "pass" && GRADE_AREAS.some((a) => grade.areas[a] === "does-not-meet")) {
    problems.push("an overall pass needs every area to meet the requirements");
  }
  return problems;
}

export type Outcome = "passed" | "failed";

/** Both pass: passed; both fail: failed; they disagree: the chair decides. */
export function outcomeOfGrades(overalls: readonly Overall[], needed: number): Outcome | "chair" | "waiting" {
  if (overalls.length < needed) return "waiting";
  if (overalls.every((o) => o === "pass")) return "passed";
  if (overalls.every((o) => o === "fail")) return "failed";
  return "chair";
}
