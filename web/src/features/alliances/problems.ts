// What to tell the user when an alliance action fails. The server explains refusals in English (ProblemDetails
// `detail`); the UI knows from the action and the status what happened, and says it in the user's language.
// Field errors (400) are shown by the forms next to their fields.
import { ApiError } from "../../api/problem";
import { describeRefusal } from "../../i18n/refusals";
import { t, type MessageKey } from "../../i18n";

export type AllianceAction =
  | "form"
  | "invite"
  | "accept"
  | "decline"
  | "acceptAgreement"
  | "leave"
  | "remove"
  | "handOver"
  | "publish";

/** Actions a firm takes for itself; the others are the lead's (forming is the lead's too, but says more). */
const firmActions: readonly AllianceAction[] = ["accept", "decline", "acceptAgreement", "leave"];

const forbidden = (action: AllianceAction): MessageKey =>
  action === "form"
    ? "alliances.problem.forbiddenForm"
    : action === "invite"
      ? "alliances.problem.forbiddenInvite"
      : firmActions.includes(action)
        ? "alliances.problem.forbiddenFirm"
        : "alliances.problem.forbiddenLead";

const conflict: Record<AllianceAction, MessageKey> = {
  form: "alliances.problem.tenderClosed",
  invite: "alliances.problem.inviteConflict",
  accept: "alliances.problem.acceptConflict",
  decline: "alliances.problem.changed",
  acceptAgreement: "alliances.problem.agreementChanged",
  leave: "alliances.problem.leaveConflict",
  remove: "alliances.problem.sealedConflict",
  handOver: "alliances.problem.sealedConflict",
  publish: "alliances.problem.changed",
};

export interface ActionProblem {
  /** Made when shown, so that it follows a change of language. */
  text: () => string;
  /** The alliance shown is out of date (409), or the viewer's part in it changed (403, 404): load it again. */
  reload: boolean;
}

/**
 * A failed action, other than field errors. A 409 means the alliance moved on (new terms, a firm already
 * invited, the tender closed): the page reloads and the message says what it means for this action.
 */
export function allianceProblem(action: AllianceAction, error: unknown): ActionProblem {
  if (!(error instanceof ApiError)) return { text: () => describeRefusal(error), reload: false };
  switch (error.status) {
    case 401:
      return { text: () => t("alliances.problem.signedOut"), reload: false };
    case 403:
      return { text: () => t(forbidden(action)), reload: action !== "form" };
    case 404:
      return { text: () => t(action === "form" ? "alliances.problem.formNotFound" : "alliances.problem.notFound"), reload: action !== "form" };
    case 409:
      return { text: () => t(conflict[action]), reload: true };
    default:
      return { text: () => describeRefusal(error), reload: false };
  }
}
