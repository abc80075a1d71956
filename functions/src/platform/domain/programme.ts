// The programme's fixed vocabularies, shared by every feature: the routes to
// certification, the case categories the policy sets minima for, the
// membership tiers fees depend on, and the date format of every document.
import { z } from "zod";
import { isIsoDate } from "./dates.js";

export const isoDate = z.string().refine(isIsoDate, { message: "must be a real calendar date in the form YYYY-MM-DD" });

export const ROUTES = ["level2", "level3-via-level2", "level3-direct"] as const;
export const routeSchema = z.enum(ROUTES);
export type Route = z.infer<typeof routeSchema>;

export const CASE_CATEGORIES = [
  "ischaemic",
  "stress-perfusion",
  "cardiomyopathy",
  "valvular",
  "congenital",
  "aortic-vascular",
  "pericardial",
  "mass",
  "other",
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const MEMBERSHIP_TIERS = ["non-member", "associate", "silver"] as const;
export type MembershipTier = (typeof MEMBERSHIP_TIERS)[number];
