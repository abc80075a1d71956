import { calendarDateIn } from "../../functions/src/platform/domain/dates";

/** Today as the programme counts it: the calendar date in Europe/Paris (as on the server). */
export const today = (): string => calendarDateIn("Europe/Paris", new Date());
