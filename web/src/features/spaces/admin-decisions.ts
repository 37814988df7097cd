// The decisions on a membership (approve, reject, suspend, reinstate, remove) in the admin area's sections: the
// buttons the row's actions allow, and the dialog for the decisions the row says must say why (the firm sees the reason).
import { html } from "lit";
import { api } from "../../api/client";
import type { MembershipDecision, SpaceMembershipDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t } from "../../i18n";
import type { AdminAction } from "./admin-section";
import { decisionDialog, type DecisionTarget } from "./decision-dialog";
import type { SpaceContext } from "./space-context";

/** The decisions' buttons, in this order (each shown when the row's actions allow it). */
const decisionTestid: Record<MembershipDecision, string> = {
  Approve: "approve-submit",
  Reject: "reject-submit",
  Suspend: "suspend-submit",
  Reinstate: "reinstate-submit",
  Remove: "remove-submit",
};

const done = (target: DecisionTarget) => () => t(`decision.${target.decision}.done`, { firm: target.firmName });

/** The decisions of one section; their outcome is said by the section's action. */
export class MembershipDecisions {
  readonly #dialog;

  constructor(
    private readonly ctx: () => SpaceContext,
    private readonly action: AdminAction,
    render: () => void,
  ) {
    this.#dialog = decisionDialog(
      (target, request) => api.decide(this.ctx().spaceId, target.firmId, request),
      async (target, outcome) => {
        if (outcome.ok) {
          this.ctx().accept(outcome.space);
          action.say(true, done(target));
        } else action.say(false, await action.refused(outcome.error));
      },
      render,
    );
  }

  #decide(m: SpaceMembershipDto, decision: MembershipDecision): void {
    const target = { firmId: m.firmId, firmName: m.firmName, decision };
    if (m.reasonRequired.includes(decision)) this.#dialog.open(target);
    else
      void this.action.run(() => api.decide(this.ctx().spaceId, target.firmId, { decision, reason: null }), { done: () => done(target) });
  }

  buttons(m: SpaceMembershipDto) {
    return (Object.keys(decisionTestid) as MembershipDecision[])
      .filter((d) => allows(m.actions, d))
      .map(
        (d) => html`<button type="button" class=${d === "Approve" || d === "Reinstate" ? "primary" : d === "Reject" ? "" : "danger-outline"}
          data-testid=${decisionTestid[d]} ?disabled=${this.action.busy} @click=${() => this.#decide(m, d)}>${t(`decision.${d}`)}</button>`,
      );
  }

  dialogView() {
    return this.#dialog.view();
  }
}
