import { LEVEL3_ROUTES, type Rule } from "../context.js";
import type { PeerRecognition } from "../schema.js";
import { yesNo } from "./outcome.js";

const counts = (items: PeerRecognition[], accept: (item: PeerRecognition) => boolean) => items.filter(accept).length;

// Level 3: one of four kinds of evidence, each with its own number.
export const peerRecognition: Rule = {
  name: "peerRecognition",
  routes: LEVEL3_ROUTES,
  evaluate: ({ bundle, policy }) => {
    const items = bundle.peerRecognition;
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
    return yesNo(
      "peerRecognition",
      "PEER_RECOGNITION_INSUFFICIENT",
      met
        ? null
        : `none of the peer-recognition requirements is met: faculty lecturer ${found.facultyLecturer}/${needed.facultyLecturer}, ` +
            `invited speaker or chair ${found.invitedSpeaker}/${needed.invitedSpeaker}, publications (no abstracts) ` +
            `${found.publications}/${needed.publications}, oral presentations as first author who presented ` +
            `${found.oralPresentations}/${needed.oralPresentations}`,
    );
  },
};
