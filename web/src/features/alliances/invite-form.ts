// For whoever the server lets invite (the lead's Owners and Managers): invite a member firm of the alliance's space,
// as a member (mandante) or a subcontractor; when the server blocks inviting (a full alliance, the joint bid submitted,
// bids closed), only why. The candidates
// are the firms the server says may be invited (GET /api/alliances/{id}/invitees).
import type { FieldErrors } from "../../api/problem";
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { api } from "../../api/client";
import type { AllianceDto, AllianceInviteRequest, AllianceRole, DirectoryEntryDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import { href } from "../../router";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import type { AllianceContext } from "./alliance-context";
import { refusalText } from "../../i18n/refusals";
import { roleInText } from "./alliance-views";
import { allows, blockersOf } from "../../api/viewer-actions";

type Status = { ok: boolean; text: () => string } | null;

const mayInvite = (alliance: AllianceDto): boolean => allows(alliance.actions, "Invite");

/** A firm is invited to take part or to work under the lead; the lead role itself is handed over, never given. */
const invitable: readonly AllianceRole[] = ["Member", "Subcontractor"];

export function inviteForm(ctx: AllianceContext) {
  let candidates: DirectoryEntryDto[] | null = null;
  let failed = false;
  let firmId = "";
  let role: AllianceRole = "Member";
  let errors: FieldErrors = {};
  let sent: AllianceInviteRequest | undefined;
  let status: Status = null;

  const loadCandidates = latestOnly(
    (allianceId: string) => api.allianceInvitees(allianceId),
    (list) => {
      candidates = list;
      failed = false;
      ctx.redraw();
    },
    () => {
      failed = candidates === null;
      ctx.redraw();
    },
  );

  async function invite(event: SubmitEvent, candidates: readonly DirectoryEntryDto[]): Promise<void> {
    event.preventDefault();
    const chosen = candidates.find((c) => c.id === firmId) ?? candidates[0];
    if (!chosen) return;
    sent = { firmId: chosen.id, role };
    errors = {};
    status = null;
    const outcome = await ctx.run(() => api.inviteToAlliance(ctx.allianceId, sent!), {
      shown: ["firmId", "role"],
      sent,
      done: () => t("alliance.done.invited", { firm: chosen.name, role: roleInText(sent!.role ?? "Member") }),
    });
    if (!outcome) return;
    errors = outcome.errors;
    status = { ok: outcome.ok, text: outcome.text };
    if (outcome.ok) firmId = "";
    // Refused, it says why (e.g. the firm left the space meanwhile); the list is asked again so as not to offer it
    // still. Accepted, the alliance's change asks it again.
    else loadCandidates(ctx.allianceId);
    ctx.redraw();
  }

  function formView(alliance: AllianceDto) {
    if (failed) return loadErrorView();
    if (candidates === null) return loadingView();
    if (candidates.length === 0)
      return html`<p class="muted" data-testid="invite-none">${t("alliance.inviteNone", { space: alliance.space.name })}</p>`;
    const offered = candidates;
    const selected = offered.some((c) => c.id === firmId) ? firmId : offered[0]!.id;
    const firmErrors = fieldMessages(errors, "firmId");
    const roleErrors = fieldMessages(errors, "role");
    return html`<form class="alliance-invite-form" novalidate @submit=${(e: SubmitEvent) => void invite(e, offered)}>
      <div class="field">
        <label for="invite-firm">${t("alliance.inviteFirm")}</label>
        <select id="invite-firm" data-testid="invite-firm" @change=${(e: Event) => (firmId = (e.target as HTMLSelectElement).value)}
          aria-invalid=${firmErrors.length ? "true" : "false"} aria-describedby=${ifDefined(firmErrors.length ? "invite-firm-error" : undefined)}>
          ${offered.map((c) => html`<option value=${c.id} ?selected=${c.id === selected}>${c.name}${c.comuneName ? ` (${c.comuneName})` : ""}</option>`)}
        </select>
        ${fieldErrorView("firmId", firmErrors, "invite-firm-error")}
      </div>
      <div class="field">
        <label for="invite-role">${t("alliance.inviteRole")}</label>
        <select id="invite-role" data-testid="invite-role" @change=${(e: Event) => (role = (e.target as HTMLSelectElement).value as AllianceRole)}
          aria-invalid=${roleErrors.length ? "true" : "false"} aria-describedby=${ifDefined(roleErrors.length ? "invite-role-error" : "invite-role-hint")}>
          ${invitable.map((r) => html`<option value=${r} ?selected=${r === role}>${t(`allianceRole.${r}`)}</option>`)}
        </select>
        <small class="hint" id="invite-role-hint">${t(`alliance.roleHint.${role}`)}</small>
        ${fieldErrorView("role", roleErrors, "invite-role-error")}
      </div>
      <button type="submit" class="primary" data-testid="invite-submit" ?disabled=${ctx.busy()}>${t("alliance.inviteSubmit")}</button>
    </form>`;
  }

  return {
    /** The firms to offer, for whoever may invite now (no one else asks). */
    load(alliance: AllianceDto): void {
      if (mayInvite(alliance)) loadCandidates(alliance.id);
    },
    dispose: () => loadCandidates.cancel(),
    /** Whether the viewer has anything here: the form, or why they may not invite now. */
    shown: (alliance: AllianceDto) => mayInvite(alliance) || blockersOf(alliance.actions, "Invite").length > 0,
    view(alliance: AllianceDto) {
      const blocker = blockersOf(alliance.actions, "Invite")[0];
      if (!mayInvite(alliance) && !blocker) return nothing;
      return html`<section class="card alliance-invite" data-testid="alliance-invite" aria-labelledby="alliance-invite-title">
        <h2 id="alliance-invite-title">${t("alliance.invite")}</h2>
        ${blocker
          ? nothing
          : html`<p class="muted small">${t("alliance.inviteIntro")}
              <a href=${href({ name: "space", id: alliance.space.id.toLowerCase() })}>${alliance.space.name}</a></p>`}
        ${blocker
          ? html`<p class="muted" data-testid="invite-blocked" data-code=${blocker.code}>${refusalText(blocker.code, blocker.args) ?? ""}</p>`
          : formView(alliance)}
        <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="invite-status">${status?.text() ?? ""}</p>
      </section>`;
    },
  };
}
