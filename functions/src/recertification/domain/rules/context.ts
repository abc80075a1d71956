// What every recertification rule looks at: the holder's documents, the
// certification being renewed, the policy, the CME screened once.
import { z } from "zod";
import type { IsoDate } from "../../../platform/domain/dates.js";
import type { Policy } from "../../../platform/domain/policy.js";
import type { CmeEntry, CreditedEvent, Finding, Requirement } from "../../../logbook/domain/index.js";

/** One year of the cycle in the recertification checklist. */
export const checklistYearSchema = z
  .object({
    /** 1 = the first year of the certification, up to renewalYears. */
    year: z.number().int().min(1).max(20),
    /** CMR studies the holder performed or reported that year (each study once). */
    studies: z.number().int().min(0).max(100000),
    /** Of which the holder reported (own analysis and written report). */
    reported: z.number().int().min(0).max(100000),
    /** Where the holder practised CMR that year. */
    institutions: z.array(z.string().trim().min(1).max(200)).max(20),
  })
  .refine((y) => y.reported <= y.studies, {
    message: "reported studies are part of the studies performed or reported: reported cannot exceed studies",
    path: ["reported"],
  });
export type ChecklistYear = z.infer<typeof checklistYearSchema>;

export const checklistSchema = z.object({ years: z.array(checklistYearSchema).max(20) });
export type Checklist = z.infer<typeof checklistSchema>;

/** The certification being renewed, as the system knows it. */
export interface CurrentCertificate {
  id: string;
  certificateNumber: string | null;
  status: string;
  awardedOn: IsoDate;
  expiresOn: IsoDate;
}

export interface RecertificationInput {
  asOf: IsoDate;
  certificate: CurrentCertificate;
  /** Null until the holder writes it; invalid input arrives as findings from the caller. */
  checklist: Checklist | null;
  /** The formal letter's evidence id, and why that file cannot be used (null: it can). */
  letter: { evidenceId: string; problem: string | null } | null;
  /** The CME entries the holder wrote (parsed; unparsable ones arrive as findings). */
  cme: CmeEntry[];
  /** Findings the caller produced while parsing (bad documents): never lost. */
  inputFindings: Finding[];
}

export interface RecertificationContext extends RecertificationInput {
  policy: Policy;
  cycle: { from: IsoDate; until: IsoDate; years: number };
  screenedCme: CreditedEvent[];
}

export interface RecertificationRule {
  name: string;
  evaluate(context: RecertificationContext): { requirements: Requirement[]; findings: Finding[] };
}
