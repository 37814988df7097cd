// The viewer's own firms in the alliance: an invitation to answer (reading the agreement first: accepting accepts
// the version shown), new terms to accept, and leaving (a member or subcontractor; the lead hands over first).
// What is offered is what the server says the viewer may do for each firm (AllianceDto.viewerFirms); an action it
// blocks says why, in the refusal's words. Declining and leaving are asked again in a dialog first: only the lead
// can undo them, by inviting the firm again.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, AllianceFirmAction } from "../../api/types";
import type { ConfirmTexts } from "../../confirm-dialog";
import { formatDateTime, t } from "../../i18n";
import { href } from "../../router";
import type { AllianceContext } from "./alliance-context";
import { refusalText } from "../../i18n/refusals";
import { viewerFirms, type ViewerFirm } from "./alliance-rules";
import { blockersOf } from "../../api/viewer-actions";
import { agreementStatusView, roleBadge, roleInText, standingBadge } from "./alliance-views";
import { allows } from "../../api/viewer-actions";

type Status = { ok: boolean; text: () => string };

export function firmPanel(ctx: AllianceContext) {
  const statuses = new Map<string, Status>();

  async function act(
    firm: ViewerFirm,
    call: () => Promise<AllianceDto>,
    done: () => string,
    gone?: "left" | "declined",
    /** What to ask first, for an action that cannot be taken back. */
    question?: () => ConfirmTexts,
  ) {
    if (question && !(await ctx.confirm(question))) return;
    statuses.delete(firm.member.firmId);
    const outcome = await ctx.run(call, gone ? { done, gone } : { done });
    if (!outcome) return;
    statuses.set(firm.member.firmId, { ok: outcome.ok, text: outcome.text });
    ctx.redraw();
  }

  const statusView = (firmId: string) => {
    const status = statuses.get(firmId);
    return html`<p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" aria-live="polite"
      data-testid="alliance-firm-status">${status?.text() ?? ""}</p>`;
  };

  function invitationView(alliance: AllianceDto, firm: ViewerFirm) {
    const { member } = firm;
    const version = alliance.agreement.version;
    const params = { firm: member.name, lead: alliance.lead.name, role: roleInText(member.role), alliance: alliance.name };
    return html`<section class="card alliance-invitation" data-testid="alliance-invitation" data-firm-id=${member.firmId}
      data-version=${version} aria-labelledby="invitation-title-${member.firmId}">
      <h2 id="invitation-title-${member.firmId}">${t("alliance.invitationTitle", params)}</h2>
      <p>${t(alliance.tender ? "alliance.invitationRti" : "alliance.invitationStanding", params)}</p>
      <div class="section-head">
        <h3>${t(alliance.tender ? "alliance.agreementRti" : "alliance.agreementStanding")}</h3>
        <span class="muted small">${t("alliance.agreementMeta", { version, when: formatDateTime(alliance.agreement.publishedAt) })}</span>
      </div>
      <div class="policy-text" data-testid="invitation-agreement" data-version=${version} tabindex="0">${alliance.agreement.text}</div>
      ${firm.actsFor
        ? html`<p class="muted small">${t("alliance.invitationHint", { version })}</p>
            ${blockedView(firm, "AcceptInvitation")}
            <p class="actions">
              ${allows(firm.actions, "AcceptInvitation")
                ? html`<button type="button" class="primary" data-testid="accept-invitation" data-firm-id=${member.firmId} ?disabled=${ctx.busy()}
                @click=${() => void act(firm,
                  () => api.answerAlliance(ctx.allianceId, member.firmId, { accept: true, agreementVersion: version }),
                  () => t("alliance.done.joined", { firm: member.name, version }))}>
                ${t("alliance.acceptInvitation", { version })}</button>`
                : nothing}
              ${allows(firm.actions, "DeclineInvitation")
                ? html`<button type="button" class="danger-outline" data-testid="decline-invitation" data-firm-id=${member.firmId} ?disabled=${ctx.busy()}
                @click=${() => void act(firm,
                  () => api.answerAlliance(ctx.allianceId, member.firmId, { accept: false, agreementVersion: version }),
                  () => t("alliance.done.declined", { firm: member.name }), "declined", () => ({
                    title: t("alliance.confirm.decline.title", { alliance: alliance.name }),
                    body: t("alliance.confirm.decline.body", { firm: member.name }),
                    confirm: t("alliance.confirm.decline.yes"),
                  }))}>
                ${t("alliance.declineInvitation")}</button>`
                : nothing}
            </p>`
        : html`<p class="muted small">${t("alliance.viewerOnly", { firm: member.name })}</p>`}
      ${statusView(member.firmId)}
    </section>`;
  }

  function activeView(alliance: AllianceDto, firm: ViewerFirm) {
    const { member } = firm;
    const version = alliance.agreement.version;
    return html`<div class="standing alliance-firm" data-testid="alliance-my-firm" data-firm-id=${member.firmId}>
      <div class="standing-head">
        <a class="firm" href=${href({ name: "business", id: member.firmId.toLowerCase() })}>${member.name}</a>
        <span class="badges">${roleBadge(member.role)} ${standingBadge(member.standing)}</span>
      </div>
      <p class="explain small">${t(`alliance.explain.${member.role}`, { firm: member.name })}
        ${agreementStatusView(member, version)}</p>
      ${allows(firm.actions, "AcceptAgreement")
        ? html`<div class="alert warn agreement-pending" data-testid="agreement-pending">
            <p><strong>${t("alliance.pendingTitle", { version })}</strong></p>
            <p>${t("alliance.pending", { version, accepted: member.acceptedAgreement ?? "—" })}
              <a href=${href({ name: "alliance", id: alliance.id.toLowerCase(), tab: "agreement" })} data-testid="read-agreement">${t("alliance.readAgreement")}</a></p>
            <button type="button" class="primary" data-testid="accept-agreement" data-firm-id=${member.firmId} ?disabled=${ctx.busy()}
              @click=${() => void act(firm, () => api.acceptAllianceAgreement(ctx.allianceId, member.firmId, version),
                () => t("alliance.done.agreementAccepted", { firm: member.name, version }))}>
              ${t("alliance.acceptAgreement", { version })}</button>
          </div>`
        : nothing}
      ${allows(firm.actions, "Leave")
        ? html`<p class="actions">
            <button type="button" class="danger-outline" data-testid="leave-alliance" data-firm-id=${member.firmId} ?disabled=${ctx.busy()}
              @click=${() => void act(firm, () => api.leaveAlliance(ctx.allianceId, member.firmId),
                () => t("alliance.done.left", { firm: member.name }), "left", () => ({
                  title: t(alliance.tender ? "alliance.confirm.leave.titleRti" : "alliance.confirm.leave.titleStanding", { alliance: alliance.name }),
                  body: t(alliance.tender ? "alliance.confirm.leave.bodyRti" : "alliance.confirm.leave.bodyStanding", { firm: member.name }),
                  confirm: t("alliance.confirm.leave.yes"),
                }))}>${t("alliance.leave")}</button>
          </p>`
        : nothing}
      ${blockedView(firm, "Leave")}
      ${firm.actsFor ? nothing : html`<p class="muted small">${t("alliance.viewerOnly", { firm: member.name })}</p>`}
      ${statusView(member.firmId)}
    </div>`;
  }

  /** Why the server would refuse the action now (the lead hands over before leaving, a submitted bid…). */
  const blockedView = (firm: ViewerFirm, action: AllianceFirmAction) => {
    const blocker = blockersOf(firm.actions, action)[0];
    return blocker
      ? html`<p class="muted small" data-testid="firm-blocker" data-action=${action} data-code=${blocker.code}>
          ${refusalText(blocker.code, blocker.args) ?? ""}</p>`
      : nothing;
  };

  return {
    /** How many things wait for the viewer's firms here: invitations to answer, new terms to accept. */
    waiting: (alliance: AllianceDto) =>
      viewerFirms(alliance).filter((f) => f.member.standing === "Invited" || allows(f.actions, "AcceptAgreement")).length,
    /** One panel per invited firm of the viewer's, before anything else: the one thing to do here. */
    invitationsView(alliance: AllianceDto) {
      return viewerFirms(alliance)
        .filter((f) => f.member.standing === "Invited")
        .map((f) => invitationView(alliance, f));
    },
    /** The viewer's active firms: their part, new terms to accept, leaving. */
    view(alliance: AllianceDto) {
      const active = viewerFirms(alliance).filter((f) => f.member.standing === "Active");
      if (active.length === 0) return nothing;
      return html`<section class="card standing-panel" data-testid="alliance-my-firms" aria-labelledby="alliance-my-firms-title">
        <h2 id="alliance-my-firms-title">${t(active.length > 1 ? "alliance.myFirms" : "alliance.myFirm")}</h2>
        ${active.map((f) => activeView(alliance, f))}
      </section>`;
    },
  };
}
