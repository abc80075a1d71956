import { isLevel3On, type Rule } from "../context.js";
import { yesNo } from "./outcome.js";

export const supervisorDeclaration: Rule = {
  name: "supervisorDeclaration",
  evaluate: ({ bundle, supervisors }) => {
    const declaration = bundle.supervisorDeclaration;
    if (declaration === null) {
      return yesNo(
        "supervisorDeclaration",
        "SUPERVISOR_DECLARATION_MISSING",
        "the supervisor's declaration is not signed yet",
      );
    }
    const supervisor = supervisors.get(declaration.supervisorId);
    return yesNo(
      "supervisorDeclaration",
      "SUPERVISOR_DECLARATION_NOT_LEVEL3",
      isLevel3On(supervisor, declaration.signedOn)
        ? null
        : `the declaration is signed by "${declaration.supervisorId}", who was not a known Level 3 supervisor on ${declaration.signedOn}`,
    );
  },
};
