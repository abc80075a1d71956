import { LEVEL3_ROUTES, type Rule } from "../context.js";
import { groupEvents, titleKey } from "../cme-identity.js";
import { warning, type Finding } from "../report.js";
import type { PeerRecognition } from "../schema.js";
import { yesNo } from "./outcome.js";

const counts = (items: PeerRecognition[], accept: (item: PeerRecognition) => boolean) => items.filter(accept).length;

const byId = (a: PeerRecognition, b: PeerRecognition) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two items are one when they share their evidence, or have the same kind, date and title. */
function sameItem(a: PeerRecognition, b: PeerRecognition): boolean {
  if (a.evidenceId && a.evidenceId === b.evidenceId) return true;
  return a.kind === b.kind && a.date === b.date && titleKey(a.title ?? "") === titleKey(b.title ?? "");
}

/** The items that count: none dated after asOf, and each achievement once. */
function countedItems(items: PeerRecognition[], asOf: string, findings: Finding[]): PeerRecognition[] {
  const dated = items.filter((item) => {
    if (item.date <= asOf) return true;
    findings.push(
      warning("PEER_RECOGNITION_IN_FUTURE", `Recognition ${item.id}: dated ${item.date}, after ${asOf}; not counted`),
    );
    return false;
  });
  return groupEvents([...dated].sort(byId), sameItem).map((group) => {
    if (group.length > 1) {
      const ids = group.map((i) => i.id).join(", ");
      findings.push(
        warning(
          "PEER_RECOGNITION_DUPLICATE",
          `Recognition ${ids}: the same item (evidence, or kind, date and title) counts once`,
        ),
      );
    }
    // Counted as the group's first item: duplicates never add, whatever their flags say.
    return group[0];
  });
}

// Level 3: one of four kinds of evidence, each with its own number.
export const peerRecognition: Rule = {
  name: "peerRecognition",
  routes: LEVEL3_ROUTES,
  evaluate: ({ bundle, policy, asOf }) => {
    const findings: Finding[] = [];
    const items = countedItems(bundle.peerRecognition, asOf, findings);
    const needed = policy.peerRecognition;
    const found = {
      facultyLecturer: counts(items, (i) => i.kind === "faculty-lecturer"),
      invitedSpeaker: counts(items, (i) => i.kind === "invited-speaker"),
      publications: counts(items, (i) => i.kind === "publication" && i.isAbstract !== true),
      oralPresentations: counts(
        items,
        (i) =>
          i.kind === "oral-presentation" &&
          i.firstAuthor === true &&
          i.presentedInPerson === true &&
          i.moderatedPoster !== true,
      ),
    };
    const met = (Object.keys(found) as (keyof typeof found)[]).some((kind) => found[kind] >= needed[kind]);
    const outcome = yesNo(
      "peerRecognition",
      "PEER_RECOGNITION_INSUFFICIENT",
      met
        ? null
        : `none of the peer-recognition requirements is met: faculty lecturer ${found.facultyLecturer}/${needed.facultyLecturer}, ` +
            `invited speaker or chair ${found.invitedSpeaker}/${needed.invitedSpeaker}, publications (no abstracts) ` +
            `${found.publications}/${needed.publications}, oral presentations as first author who presented ` +
            `${found.oralPresentations}/${needed.oralPresentations}`,
    );
    return { ...outcome, findings: [...findings, ...(outcome.findings ?? [])] };
  },
};
