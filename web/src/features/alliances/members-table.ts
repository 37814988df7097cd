// The alliance's firms: role, standing and where each stands with the agreement; for the lead's Owners and Managers,
// per row, what the server says they may do about the firm (AllianceMemberDto.actions): hand the lead over (once
// confirmed in a dialog) and remove a firm or withdraw its invitation, saying why. What the state refuses now (the
// joint bid submitted, bids closed) is not offered: the server's reasons are said once, under the table.
import { logoView } from "../businesses/logo";
import type { FieldErrors } from "../../api/problem";
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { AllianceDto, AllianceMemberDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { href } from "../../router";
import { fieldErrorView } from "../../views";
import { refusalText } from "../../i18n/refusals";
import type { AllianceContext } from "./alliance-context";
import { checkReason, MAX_REASON } from "./alliance-form";
import { membersInOrder } from "./alliance-rules";
import { agreementStatusView, formatShortDate, roleBadge, standingBadge } from "./alliance-views";

type Status = { ok: boolean; text: () => string } | null;

export function membersTable(ctx: AllianceContext) {
  /** The firm whose removal is being confirmed, with its reason. */
  let removing: string | null = null;
  let reason = "";
  let errors: FieldErrors = {};
  let sent: { reason: string } | undefined;
  let status: Status = null;

  async function remove(event: SubmitEvent, member: AllianceMemberDto): Promise<void> {
    event.preventDefault();
    sent = { reason: reason.trim() };
    errors = checkReason(reason);
    status = null;
    if (Object.keys(errors).length > 0) {
      ctx.redraw();
      return;
    }
    const invited = member.standing === "Invited";
    const outcome = await ctx.run(() => api.removeFromAlliance(ctx.allianceId, member.firmId, sent!.reason), {
      shown: ["reason"],
      sent,
      done: () => t(invited ? "alliance.done.withdrawn" : "alliance.done.removed", { firm: member.name }),
    });
    if (!outcome) return;
    errors = outcome.errors;
    status = { ok: outcome.ok, text: outcome.text };
    if (outcome.ok) {
      removing = null;
      reason = "";
    }
    ctx.redraw();
  }

  async function handOver(alliance: AllianceDto, member: AllianceMemberDto): Promise<void> {
    const confirmed = await ctx.confirm(() => ({
      title: t("alliance.confirm.handOver.title", { firm: member.name }),
      body: t(alliance.tender ? "alliance.confirm.handOver.bodyRti" : "alliance.confirm.handOver.bodyStanding",
        { firm: member.name, lead: alliance.lead.name }),
      confirm: t("alliance.confirm.handOver.yes"),
    }));
    if (!confirmed) return;
    removing = null;
    const outcome = await ctx.run(() => api.handOverAlliance(ctx.allianceId, member.firmId), {
      done: () => t("alliance.done.handedOver", { firm: member.name }),
    });
    if (!outcome) return;
    status = { ok: outcome.ok, text: outcome.text };
    ctx.redraw();
  }

  function removeForm(member: AllianceMemberDto, columns: number) {
    const invited = member.standing === "Invited";
    const messages = fieldMessages(errors, "reason");
    return html`<tr class="removal-row" data-testid="remove-form" data-firm-id=${member.firmId}>
      <td colspan=${columns} data-label="">
        <form class="remove-form" novalidate @submit=${(e: SubmitEvent) => void remove(e, member)}>
          <div class="field">
            <label for="remove-reason">${t(invited ? "alliance.withdrawReason" : "alliance.removeReason", { firm: member.name })}</label>
            <textarea id="remove-reason" data-testid="remove-reason" rows="2" maxlength=${MAX_REASON} .value=${live(reason)}
              @input=${(e: InputEvent) => (reason = (e.target as HTMLTextAreaElement).value)}
              aria-invalid=${messages.length ? "true" : "false"}
              aria-describedby=${ifDefined(messages.length ? "remove-reason-error remove-reason-hint" : "remove-reason-hint")}></textarea>
            <small class="hint" id="remove-reason-hint">${t("alliance.removeHint")}</small>
            ${fieldErrorView("reason", messages, "remove-reason-error")}
          </div>
          <p class="actions">
            <button type="submit" class="danger" data-testid="remove-confirm" ?disabled=${ctx.busy()}>
              ${t(invited ? "alliance.withdrawConfirm" : "alliance.removeConfirm")}</button>
            <button type="button" ?disabled=${ctx.busy()} @click=${() => { removing = null; errors = {}; ctx.redraw(); }}>${t("common.back")}</button>
          </p>
        </form>
      </td>
    </tr>`;
  }

  function rowView(alliance: AllianceDto, member: AllianceMemberDto, leading: boolean) {
    const actions = member.actions.allowed;
    const mine = alliance.myFirms.some((f) => f.toLowerCase() === member.firmId.toLowerCase());
    return html`<tr data-testid="alliance-member" data-firm-id=${member.firmId} data-role=${member.role} data-standing=${member.standing}
        class=${mine ? "mine" : ""}>
        <td class="firm" data-label=${t("alliance.col.firm")}>
          <span>${logoView(member.name, member.logo)}
            <a href=${href({ name: "business", id: member.firmId.toLowerCase() })}>${member.name}</a>
            ${mine ? html` <span class="badge mine">${t("alliance.yourFirm")}</span>` : nothing}</span>
        </td>
        <td data-label=${t("alliance.col.role")}>${roleBadge(member.role, "member-role")}</td>
        <td data-label=${t("alliance.col.standing")}>
          <span>${standingBadge(member.standing, "member-standing")}
            <span class="muted small since">${t(member.standing === "Invited" ? "alliance.invitedOn" : "alliance.since", { when: formatShortDate(member.since) })}</span></span>
        </td>
        <td data-label=${t("alliance.col.agreement")}>${agreementStatusView(member, alliance.agreement.version)}</td>
        ${leading
          ? html`<td class="actions-cell" data-label="">
              <span class="item-actions">
                ${actions.includes("HandOver")
                  ? html`<button type="button" data-testid="handover-${member.firmId}" ?disabled=${ctx.busy()}
                      @click=${() => void handOver(alliance, member)}>${t("alliance.handOver")}</button>`
                  : nothing}
                ${actions.includes("Remove") && removing !== member.firmId
                  ? html`<button type="button" class="danger-outline" data-testid="remove-${member.firmId}" ?disabled=${ctx.busy()}
                      @click=${() => { removing = member.firmId; reason = ""; errors = {}; status = null; ctx.redraw(); }}>
                      ${t(member.standing === "Invited" ? "alliance.withdraw" : "alliance.remove")}</button>`
                  : nothing}
              </span>
            </td>`
          : nothing}
      </tr>
      ${removing === member.firmId ? removeForm(member, leading ? 5 : 4) : nothing}`;
  }

  /**
   * Why the lead may not hand over or remove the firms now, each reason once (every firm's row gives the same ones).
   * The lead's own row is left out: removing itself is never offered, and its reason would be about that.
   */
  function blockedView(members: readonly AllianceMemberDto[]) {
    const reasons = new Map<string, Record<string, string>>();
    for (const member of members)
      if (member.role !== "Lead")
        for (const blocker of member.actions.blocked) if (!reasons.has(blocker.code)) reasons.set(blocker.code, blocker.args);
    if (reasons.size === 0) return nothing;
    return html`<ul class="muted small members-blocked" data-testid="members-blocked">
      ${[...reasons].map(([code, args]) => html`<li data-code=${code}>${refusalText(code, args) ?? ""}</li>`)}
    </ul>`;
  }

  return {
    view(alliance: AllianceDto) {
      const members = membersInOrder(alliance.members);
      // The actions column is there when the viewer may do something about a firm (the lead's editors).
      const leading = members.some((m) => m.actions.allowed.length > 0);
      if (removing && !members.some((m) => m.firmId === removing)) removing = null;
      return html`<section class="card" aria-labelledby="alliance-members-title">
        <div class="section-head">
          <h2 id="alliance-members-title">${t("alliance.members")} <span class="count">${members.length}</span></h2>
          <span class="muted small">${t("alliance.membersIntro")}</span>
        </div>
        <div class="table-wrap">
          <table class="alliance-members phone-cards" data-testid="alliance-members">
            <thead>
              <tr>
                <th>${t("alliance.col.firm")}</th>
                <th>${t("alliance.col.role")}</th>
                <th>${t("alliance.col.standing")}</th>
                <th>${t("alliance.col.agreement")}</th>
                ${leading ? html`<th><span class="visually-hidden">${t("alliance.col.actions")}</span></th>` : nothing}
              </tr>
            </thead>
            <tbody>${members.map((m) => rowView(alliance, m, leading))}</tbody>
          </table>
        </div>
        ${blockedView(members)}
        <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="members-status">${status?.text() ?? ""}</p>
      </section>`;
    },
  };
}
