// What to tell the user when a joint bid action fails. The server explains refusals in English (ProblemDetails
// `detail`); the UI knows from the action and the status what happened, and says it in the user's language.
// Field errors (400) are shown by the forms next to their fields.
import { ApiError } from "../../api/problem";
import { describeRefusal } from "../../i18n/refusals";
import { t, type MessageKey } from "../../i18n";

export type JointBidAction = "savePackage" | "deletePackage" | "answer" | "attach" | "detach" | "sign" | "submit" | "withdraw";

const forbidden: Record<JointBidAction, MessageKey> = {
  savePackage: "jointBid.problem.forbiddenEdit",
  deletePackage: "jointBid.problem.forbiddenEdit",
  answer: "jointBid.problem.forbiddenEdit",
  attach: "jointBid.problem.forbiddenAttach",
  detach: "jointBid.problem.forbiddenDetach",
  sign: "jointBid.problem.forbiddenSign",
  submit: "jointBid.problem.forbiddenLead",
  withdraw: "jointBid.problem.forbiddenLead",
};

const conflict: Record<JointBidAction, MessageKey> = {
  savePackage: "jointBid.problem.changed",
  deletePackage: "jointBid.problem.deleteChanged",
  answer: "jointBid.problem.changed",
  attach: "jointBid.problem.attachConflict",
  detach: "jointBid.problem.detachConflict",
  sign: "jointBid.problem.signChanged",
  submit: "jointBid.problem.submitConflict",
  withdraw: "jointBid.problem.withdrawConflict",
};

export interface JointBidProblem {
  /** Made when shown, so that it follows a change of language. */
  text: () => string;
  /** What is shown is out of date (409), or the viewer's part changed (403, 404): load it again. */
  reload: boolean;
  /** A save refused because someone else saved the same item since it was read (or the tender closed meanwhile). */
  stale: boolean;
}

function notFound(action: JointBidAction): MessageKey {
  if (action === "savePackage" || action === "deletePackage") return "jointBid.problem.packageGone";
  // The file is no longer attached: someone else took it off meanwhile.
  if (action === "detach") return "jointBid.problem.documentGone";
  return "jointBid.problem.notFound";
}

export function jointBidProblem(action: JointBidAction, error: unknown): JointBidProblem {
  if (!(error instanceof ApiError)) return { text: () => describeRefusal(error), reload: false, stale: false };
  switch (error.status) {
    case 401:
      return { text: () => t("alliances.problem.signedOut"), reload: false, stale: false };
    case 403:
      return { text: () => t(forbidden[action]), reload: true, stale: false };
    case 404:
      return {
        text: () => t(notFound(action)),
        reload: true,
        // The package was deleted meanwhile: the reload keeps the user's values, to add it again.
        stale: action === "savePackage",
      };
    case 409:
      return { text: () => t(conflict[action]), reload: true, stale: action === "savePackage" || action === "answer" };
    default:
      return { text: () => describeRefusal(error), reload: false, stale: false };
  }
}
