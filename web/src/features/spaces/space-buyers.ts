// In a space's admin area: the buyers that asked to publish tenders there, approved or not, and those that
// mandated the space's admins to act for them. Admins approve a request, or revoke an approval.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { SpaceBuyerDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { standingActions, standingView } from "./buyer-standing";

export function spaceBuyers(spaceId: string, redraw: Redraw) {
  let buyers: SpaceBuyerDto[] | null = null;
  let failed = false;

  const load = latestOnly(
    () => api.spaceBuyers(spaceId),
    (list) => {
      buyers = list;
      failed = false;
      redraw();
    },
    () => {
      if (buyers === null) failed = true;
      redraw();
    },
  );

  const act = standingActions(redraw, () => load(), (fresh) => {
    buyers = (buyers ?? []).map((b) => (b.buyer.id === fresh.buyer.id ? fresh : b));
  });
  const decide = (s: SpaceBuyerDto, decision: "Approve" | "Revoke") =>
    act.run(() => api.decideBuyer(spaceId, s.buyer.id, { decision }), () => t(`buyers.done.${decision}`, { buyer: s.buyer.name }));

  // What the admins may decide comes with each standing; revoking a request is declining it.
  const actions = (s: SpaceBuyerDto) => html`<div class="item-actions">
    ${allows(s.actions, "Approve")
      ? html`<button type="button" class="primary" data-testid="buyer-approve" ?disabled=${act.state.busy} @click=${() => decide(s, "Approve")}>
          ${t("buyers.approve")}</button>`
      : nothing}
    ${allows(s.actions, "Revoke")
      ? html`<button type="button" class="danger-outline" data-testid="buyer-revoke" ?disabled=${act.state.busy} @click=${() => decide(s, "Revoke")}>
          ${t(s.approval === "Requested" ? "buyers.decline" : "buyers.revoke")}</button>`
      : nothing}
  </div>`;

  return {
    load: () => load(),
    dispose: () => load.cancel(),
    /** Buyers whose request awaits the admins. */
    requests: () => (buyers ?? []).filter((b) => b.approval === "Requested").length,
    view: () => html`<section class="card admin-section" id="admin-buyers" aria-labelledby="admin-buyers-title" data-testid="admin-buyers">
      <h3 id="admin-buyers-title">${t("buyers.adminTitle")}</h3>
      <p class="muted small">${t("buyers.adminIntro")}</p>
      ${failed
        ? loadErrorView()
        : buyers === null
          ? loadingView()
          : buyers.length === 0
            ? html`<p class="muted" data-testid="buyers-empty">${t("buyers.adminEmpty")}</p>`
            : html`<ul class="admin-list">${buyers.map((s) => standingView(s, "buyer", actions(s)))}</ul>`}
      <p class="status ${act.state.feedback?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="admin-buyers-status">${act.state.feedback?.text() ?? ""}</p>
    </section>`,
  };
}
