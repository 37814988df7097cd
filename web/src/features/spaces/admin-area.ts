// On a space's page, for its admins: applications, members (with the association's verified mark),
// invitations, the policy, the buyers that publish there, moderators and the history of every membership change; and, in a tab of its own, the
// dashboard. The lists reload whenever the hub says the memberships changed.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type {
  DirectoryEntryDto,
  MembershipDecision,
  MembershipEventDto,
  ModeratorDto,
  ModeratorRequest,
  PublishPolicyRequest,
  SpaceDetailDto,
  SpaceMembershipDto,
} from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatDateTime, t, tn } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import { latestOnly } from "../../latest";
import { href } from "../../router";
import { typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { currentUser } from "../auth/session";
import { comuneLabel } from "../businesses/format";
import { spaceDashboard, type SpaceDashboardView } from "./dashboard-view";
import { decisionDialog, type DecisionTarget } from "./decision-dialog";
import { buildPublishRequest, policyChanged } from "./requests";
import type { SpaceContext } from "./space-context";
import { spaceBuyers } from "./space-buyers";
import { statusBadge, verifiedBadge } from "./space-views";
import { awaitingPolicy, decisionsFor, groupMemberships, invitationBlock, needsReason, vouchAction } from "./standing";

type Section = "applications" | "members" | "invitations" | "policy" | "buyers" | "moderators" | "history";
type Feedback = { ok: boolean; text: () => string };
type Tab = "manage" | "dashboard";

const decisionTestid: Record<MembershipDecision, string> = {
  Approve: "approve-submit",
  Reject: "reject-submit",
  Suspend: "suspend-submit",
  Reinstate: "reinstate-submit",
  Remove: "remove-submit",
};

export function adminArea(ctx: SpaceContext) {
  let memberships: SpaceMembershipDto[] | null = null;
  let history: MembershipEventDto[] | null = null;
  let failed = false;
  /** Applications seen before the latest reload: a new one is highlighted when it arrives live. */
  let seen: Set<string> | null = null;
  let fresh = new Set<string>();
  let freshTimer: ReturnType<typeof setTimeout> | undefined;
  const feedback = new Map<Section, Feedback>();
  /**
   * How the last vouch or revocation went, next to the firm it was about; shown while the firm's mark is as the
   * outcome left it (a profile edit that voids or restores the mark makes it stale); null: until the next action.
   */
  const vouchFeedback = new Map<string, Feedback & { verified: boolean | null }>();
  let busy = false;
  let tab: Tab = "manage";
  /** Buyers' requests to publish here, approvals and mandates. */
  const buyers = spaceBuyers(ctx.spaceId, ctx.redraw);
  /** Made when the Dashboard tab is first opened, so that its figures and charts are fetched only then. */
  let dashboard: SpaceDashboardView | null = null;

  let invitee: DirectoryEntryDto | null = null;
  let policyDraft: string | null = null;
  let policyErrors: FieldErrors = {};
  let policySent: PublishPolicyRequest | undefined;
  let moderatorEmail = "";
  let moderatorErrors: FieldErrors = {};
  let moderatorSent: ModeratorRequest | undefined;

  const loadLists = latestOnly(
    () => Promise.all([api.spaceMemberships(ctx.spaceId), api.spaceHistory(ctx.spaceId)]),
    ([list, events]) => {
      const applied = list.filter((m) => m.status === "Applied").map((m) => m.firmId);
      if (seen) {
        const added = applied.filter((id) => !seen!.has(id));
        if (added.length > 0) {
          fresh = new Set(added);
          clearTimeout(freshTimer);
          freshTimer = setTimeout(() => {
            fresh = new Set();
            ctx.redraw();
          }, 2500);
        }
      }
      seen = new Set(applied);
      memberships = list;
      history = events;
      failed = false;
      ctx.redraw();
    },
    () => {
      // A failed background refresh keeps the lists shown.
      if (memberships === null) failed = true;
      ctx.redraw();
    },
  );

  const say = (section: Section, ok: boolean, text: () => string) => {
    feedback.set(section, { ok, text });
    ctx.redraw();
  };

  async function afterProblem(section: Section, error: unknown): Promise<void> {
    const refused = refusedAction(error);
    if (refused.reload) await ctx.reload();
    say(section, false, refused.text);
  }

  const dialog = decisionDialog(
    (target, request) => api.decide(ctx.spaceId, target.firmId, request),
    (target, outcome) => {
      const section: Section = target.decision === "Reject" ? "applications" : "members";
      if (outcome.ok) {
        ctx.accept(outcome.space);
        say(section, true, () => t(`decision.${target.decision}.done`, { firm: target.firmName }));
      } else void afterProblem(section, outcome.error);
    },
    ctx.redraw,
  );

  async function decideNow(target: DecisionTarget, section: Section): Promise<void> {
    if (busy) return;
    busy = true;
    feedback.delete(section);
    ctx.redraw();
    try {
      ctx.accept(await api.decide(ctx.spaceId, target.firmId, { decision: target.decision, reason: null }));
      say(section, true, () => t(`decision.${target.decision}.done`, { firm: target.firmName }));
    } catch (error) {
      await afterProblem(section, error);
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  function decide(m: SpaceMembershipDto, decision: MembershipDecision, section: Section): void {
    const target = { firmId: m.firmId, firmName: m.firmName, decision };
    if (needsReason(decision)) dialog.open(target);
    else void decideNow(target, section);
  }

  const decisionButtons = (m: SpaceMembershipDto, section: Section) =>
    m.status === null
      ? nothing
      : decisionsFor(m.status).map(
          (d) => html`<button type="button" class=${d === "Approve" || d === "Reinstate" ? "primary" : d === "Reject" ? "" : "danger-outline"}
            data-testid=${decisionTestid[d]} ?disabled=${busy} @click=${() => decide(m, d, section)}>${t(`decision.${d}`)}</button>`,
        );

  function vouchButton(m: SpaceMembershipDto) {
    switch (vouchAction(m)) {
      case "vouch":
        return html`<button type="button" class="primary-outline" data-testid="vouch-submit" ?disabled=${busy}
          title=${t("vouch.hint", { firm: m.firmName })} @click=${() => vouch(m, "vouch")}>${t("vouch.submit")}</button>`;
      case "revoke":
        return html`<button type="button" data-testid="vouch-revoke" ?disabled=${busy}
          aria-label=${t("vouch.revokeLabel", { firm: m.firmName })} title=${t("vouch.revokeLabel", { firm: m.firmName })}
          @click=${() => vouch(m, "revoke")}>${t("vouch.revoke")}</button>`;
      case null:
        return nothing;
    }
  }

  const vouchStatusView = (m: SpaceMembershipDto) => {
    const f = vouchFeedback.get(m.firmId);
    return f && (f.verified === null || f.verified === m.verified)
      ? html`<p class="status item-status ${f.ok ? "ok" : "error"}" role="status" data-testid="vouch-status">${f.text()}</p>`
      : nothing;
  };

  const statusOf = (firmId: string) => memberships?.find((m) => m.firmId.toLowerCase() === firmId.toLowerCase())?.status ?? null;

  const firmSearch = typeahead<DirectoryEntryDto>(
    {
      testid: "invite-search",
      optionTestid: "invite-option",
      placeholder: () => t("admin.invite.placeholder"),
      search: (q) => api.directory(q, 1, 20).then((page) => page.items.filter((item) => item.kind === "Firm")),
      key: (entry) => entry.id,
      option: (entry) => {
        const status = statusOf(entry.id);
        return html`<span class="option-row"><span><strong>${entry.name}</strong>
          ${entry.comuneName ? html`<span class="muted"> · ${comuneLabel(entry.comuneName, entry.provinceSigla)}</span>` : nothing}</span>
          ${status ? statusBadge(status) : nothing}</span>`;
      },
      pick: (entry) => {
        invitee = entry;
        feedback.delete("invitations");
      },
    },
    ctx.redraw,
  );

  async function invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const firm = invitee;
    if (!firm || busy) return;
    busy = true;
    feedback.delete("invitations");
    ctx.redraw();
    try {
      ctx.accept(await api.invite(ctx.spaceId, { firmId: firm.id }));
      invitee = null;
      say("invitations", true, () => t("admin.invite.done", { firm: firm.name }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400)
        say("invitations", false, () => otherFieldMessages(error.errors, []).join(" "));
      else await afterProblem("invitations", error);
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function publish(event: SubmitEvent, detail: SpaceDetailDto): Promise<void> {
    event.preventDefault();
    if (busy) return;
    busy = true;
    policyErrors = {};
    feedback.delete("policy");
    policySent = buildPublishRequest(policyDraft ?? detail.policy.text);
    ctx.redraw();
    try {
      const space = await api.publishPolicy(ctx.spaceId, policySent);
      policyDraft = null;
      ctx.accept(space);
      say("policy", true, () => t("admin.policy.published", { version: space.policy.version }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        policyErrors = error.errors;
        say("policy", false, () => [t("form.invalid"), ...otherFieldMessages(policyErrors, ["text"])].join(" "));
      } else await afterProblem("policy", error);
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function vouch(m: SpaceMembershipDto, action: "vouch" | "revoke"): Promise<void> {
    if (busy) return;
    busy = true;
    vouchFeedback.clear();
    ctx.redraw();
    try {
      ctx.accept(action === "vouch" ? await api.vouch(ctx.spaceId, m.firmId) : await api.revokeVouch(ctx.spaceId, m.firmId));
      vouchFeedback.set(m.firmId, {
        ok: true,
        verified: action === "vouch",
        text: () => t(action === "vouch" ? "vouch.done" : "vouch.revoked", { firm: m.firmName }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        // errors.firm: the profile has no size class or no VAT number, so there is nothing to vouch for.
        const texts = Object.hasOwn(error.errors, "firm")
          ? [t("vouch.incomplete", { firm: m.firmName })]
          : otherFieldMessages(error.errors, []);
        vouchFeedback.set(m.firmId, { ok: false, verified: m.verified, text: () => texts.join(" ") });
      } else {
        const refused = refusedAction(error);
        if (refused.reload) await ctx.reload();
        // The list has changed under the admin: say why until they act again.
        vouchFeedback.set(m.firmId, { ok: false, verified: null, text: refused.text });
      }
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function removeModerator(moderator: ModeratorDto): Promise<void> {
    if (busy) return;
    busy = true;
    feedback.delete("moderators");
    ctx.redraw();
    try {
      ctx.accept(await api.removeModerator(ctx.spaceId, moderator.userId));
      say("moderators", true, () => t("admin.moderators.removed", { email: moderator.email }));
    } catch (error) {
      await afterProblem("moderators", error);
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function addModerator(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    busy = true;
    moderatorErrors = {};
    feedback.delete("moderators");
    moderatorSent = { email: moderatorEmail.trim() === "" ? null : moderatorEmail.trim() };
    const email = moderatorEmail.trim();
    ctx.redraw();
    try {
      ctx.accept(await api.addModerator(ctx.spaceId, moderatorSent));
      moderatorEmail = "";
      say("moderators", true, () => t("admin.moderators.added", { email }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        moderatorErrors = error.errors;
        say("moderators", false, () => [t("form.invalid"), ...otherFieldMessages(moderatorErrors, ["email"])].join(" "));
      } else await afterProblem("moderators", error);
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  const feedbackView = (section: Section) => {
    const f = feedback.get(section);
    return html`<p class="status ${f?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="admin-${section}-status">${f?.text() ?? ""}</p>`;
  };

  const firmLink = (m: { firmId: string; firmName: string }) =>
    html`<a class="firm" href=${href({ name: "business", id: m.firmId })}>${m.firmName || t("admin.unknownFirm")}</a>`;

  /** An address that may wrap after its @, never in the middle of a name. */
  const emailView = (email: string) => {
    const at = email.indexOf("@");
    return email === "" ? "—" : at < 0 ? email : html`${email.slice(0, at)}@<wbr />${email.slice(at + 1)}`;
  };

  const since = (iso: string) => html`<span class="muted small">${t("admin.since", { when: formatDateTime(iso) })}</span>`;

  function applicationsView(list: SpaceMembershipDto[]) {
    return html`<section class="card admin-section" id="admin-applications" aria-labelledby="admin-applications-title">
      <h3 id="admin-applications-title">${t("admin.applications.title")} <span class="count">${list.length}</span></h3>
      <ul class="admin-list" data-testid="admin-applications">
        ${list.length === 0 ? html`<li class="empty-row">${t("admin.applications.empty")}</li>` : nothing}
        ${list.map(
          (m) => html`<li class="admin-item ${fresh.has(m.firmId) ? "changed" : ""}" data-testid="application-item" data-firm-id=${m.firmId}>
            <div class="item-main">
              <div class="item-head">${firmLink(m)} ${since(m.since)}</div>
              ${m.message
                ? html`<blockquote class="message">${m.message}</blockquote>`
                : html`<p class="muted small">${t("admin.applications.noMessage")}</p>`}
              <p class="muted small">${t("admin.applications.accepted", { version: m.acceptedPolicyVersion ?? "—" })}</p>
            </div>
            <div class="item-actions">${decisionButtons(m, "applications")}</div>
          </li>`,
        )}
      </ul>
      ${feedbackView("applications")}
    </section>`;
  }

  function membersView(list: SpaceMembershipDto[], former: SpaceMembershipDto[], policyVersion: number) {
    return html`<section class="card admin-section" id="admin-members" aria-labelledby="admin-members-title">
      <h3 id="admin-members-title">${t("admin.members.title")} <span class="count">${list.length}</span></h3>
      <ul class="admin-list" data-testid="admin-members">
        ${list.length === 0 ? html`<li class="empty-row">${t("admin.members.empty")}</li>` : nothing}
        ${list.map(
          (m) => html`<li class="admin-item" data-testid="admin-member-item" data-firm-id=${m.firmId} data-status=${m.status ?? ""}>
            <div class="item-main">
              <div class="item-head">${firmLink(m)} ${m.status === "Member" ? nothing : statusBadge(m.status)}
                ${m.verified ? verifiedBadge() : nothing}
                ${m.policyAcceptancePending
                  ? html`<span class="badge warn" data-testid="policy-pending" title=${t("admin.members.policyPendingHint", { version: policyVersion })}>
                      ${t("admin.members.policyPending", { version: policyVersion })}</span>`
                  : nothing}
              </div>
              ${m.status === "Suspended" && m.reason ? html`<p class="small"><span class="label">${t("admin.reasonLabel")}</span> ${m.reason}</p>` : nothing}
              ${since(m.since)}
            </div>
            <div class="item-actions">${vouchButton(m)}${decisionButtons(m, "members")}</div>
            ${vouchStatusView(m)}
          </li>`,
        )}
      </ul>
      ${feedbackView("members")}
      ${former.length
        ? html`<details class="former">
            <summary>${tn("admin.members.former", former.length)}</summary>
            <ul class="admin-list compact">
              ${former.map(
                (m) => html`<li class="admin-item" data-testid="former-item" data-firm-id=${m.firmId}>
                  <div class="item-main"><div class="item-head">${firmLink(m)} ${statusBadge(m.status)} ${since(m.since)}</div>
                    ${m.reason ? html`<p class="small"><span class="label">${t("admin.reasonLabel")}</span> ${m.reason}</p>` : nothing}</div>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
    </section>`;
  }

  const blockText = {
    member: "spaces.invite.alreadyMember",
    invited: "spaces.invite.alreadyInvited",
    applied: "spaces.invite.hasApplied",
  } as const;

  function invitationsView(invited: SpaceMembershipDto[]) {
    const block = invitee ? invitationBlock(statusOf(invitee.id)) : null;
    return html`<section class="card admin-section" id="admin-invitations" aria-labelledby="admin-invitations-title">
      <h3 id="admin-invitations-title">${t("admin.invite.title")} <span class="count">${invited.length}</span></h3>
      <p class="muted small">${t("admin.invite.intro")}</p>
      ${invited.length
        ? html`<ul class="admin-list compact" data-testid="admin-invitations">
            ${invited.map(
              (m) => html`<li class="admin-item" data-testid="invitation-item" data-firm-id=${m.firmId}>
                <div class="item-main"><div class="item-head">${firmLink(m)} ${since(m.since)}</div></div>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t("admin.invite.none")}</p>`}
      <form class="invite-firm" @submit=${invite} novalidate>
        <div class="field">
          <label for="invite-firm-search">${t("admin.invite.search")}</label>
          ${invitee
            ? html`<p class="chips"><span class="chip" data-testid="invite-chosen" data-firm-id=${invitee.id}>${invitee.name}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: invitee.name })}
                  @click=${() => { invitee = null; ctx.redraw(); }}>×</button></span></p>`
            : nothing}
          ${firmSearch.view("invite-firm-search", block ? "invite-block" : undefined)}
          ${block && invitee
            ? html`<small class="hint warn-text" id="invite-block">${t(blockText[block], { firm: invitee.name })}</small>`
            : nothing}
        </div>
        <button class="primary" type="submit" data-testid="invite-submit" ?disabled=${!invitee || block !== null || busy}>
          ${invitee ? t("admin.invite.submitFirm", { firm: invitee.name }) : t("admin.invite.submit")}</button>
        ${feedbackView("invitations")}
      </form>
    </section>`;
  }

  function policyView(detail: SpaceDetailDto, pending: SpaceMembershipDto[]) {
    const draft = policyDraft ?? detail.policy.text;
    const messages = fieldMessages(policyErrors, "text");
    return html`<section class="card admin-section" id="admin-policy" aria-labelledby="admin-policy-title">
      <h3 id="admin-policy-title">${t("admin.policy.title")}</h3>
      <p>${t("admin.policy.current", { version: detail.policy.version, when: formatDateTime(detail.policy.publishedAt) })}</p>
      ${pending.length
        ? html`<div class="alert warn" data-testid="policy-pending-list">
            <p><strong>${tn("admin.policy.pending", pending.length, { version: detail.policy.version })}</strong></p>
            <ul>${pending.map((m) => html`<li data-testid="policy-pending-item" data-firm-id=${m.firmId}>${firmLink(m)}
              <span class="muted small">${t("admin.policy.acceptedVersion", { version: m.acceptedPolicyVersion ?? "—" })}</span></li>`)}</ul>
          </div>`
        : detail.summary.memberCount > 0
          ? html`<p class="ok-text" data-testid="policy-all-accepted">${t("admin.policy.allAccepted", { version: detail.policy.version })}</p>`
          : nothing}
      <form @submit=${(e: SubmitEvent) => publish(e, detail)} novalidate>
        <div class="field">
          <label for="policy-text">${t("admin.policy.newVersion", { version: detail.policy.version + 1 })}</label>
          <textarea id="policy-text" rows="10" maxlength="20000" data-testid="policy-text-input" .value=${live(draft)}
            @input=${(e: InputEvent) => { policyDraft = (e.target as HTMLTextAreaElement).value; ctx.redraw(); }}
            aria-invalid=${messages.length ? "true" : "false"}
            aria-describedby=${ifDefined(messages.length ? "policy-text-error policy-text-hint" : "policy-text-hint")}></textarea>
          <small class="hint" id="policy-text-hint">${t("admin.policy.hint")}</small>
          ${fieldErrorView("text", messages, "policy-text-error")}
        </div>
        <div class="actions">
          <button class="primary" type="submit" data-testid="policy-publish" ?disabled=${busy || !policyChanged(draft, detail.policy.text)}>
            ${t("admin.policy.publish", { version: detail.policy.version + 1 })}</button>
          ${policyDraft !== null && policyChanged(draft, detail.policy.text)
            ? html`<button type="button" class="link" @click=${() => { policyDraft = null; policyErrors = {}; ctx.redraw(); }}>${t("admin.policy.discard")}</button>`
            : nothing}
        </div>
        ${feedbackView("policy")}
      </form>
    </section>`;
  }

  function moderatorsView(moderators: readonly ModeratorDto[], hostEditor: boolean) {
    const messages = fieldMessages(moderatorErrors, "email");
    return html`<section class="card admin-section" id="admin-moderators" aria-labelledby="admin-moderators-title">
      <h3 id="admin-moderators-title">${t("admin.moderators.title")} <span class="count">${moderators.length}</span></h3>
      <p class="muted small">${t("admin.moderators.intro")}</p>
      ${moderators.length
        ? html`<ul class="admin-list compact" data-testid="moderators-list">
            ${moderators.map(
              (m) => html`<li class="admin-item" data-testid="moderator-item" data-user-id=${m.userId}>
                <div class="item-main"><div class="item-head"><span class="moderator-email">${emailView(m.email)}</span>
                  ${m.userId.toLowerCase() === currentUser()?.id.toLowerCase() ? html`<span class="badge">${t("admin.moderators.you")}</span>` : nothing}</div></div>
                ${hostEditor
                  ? html`<div class="item-actions">
                      <button type="button" class="danger-outline" data-testid="moderator-remove" ?disabled=${busy}
                        aria-label=${t("admin.moderators.removeLabel", { email: m.email })}
                        @click=${() => removeModerator(m)}>${t("admin.moderators.remove")}</button>
                    </div>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted" data-testid="moderators-empty">${t("admin.moderators.none")}</p>`}
      ${hostEditor ? moderatorForm(messages) : html`<p class="small muted" data-testid="moderators-host-only">${t("admin.moderators.hostOnly")}</p>`}
      ${feedbackView("moderators")}
    </section>`;
  }

  function moderatorForm(messages: string[]) {
    return html`
      <form class="row moderator-form" @submit=${addModerator} novalidate>
        <div class="field grow">
          <label for="moderator-email">${t("admin.moderators.email")}</label>
          <input id="moderator-email" type="email" autocomplete="off" data-testid="moderator-email" .value=${live(moderatorEmail)}
            @input=${(e: InputEvent) => (moderatorEmail = (e.target as HTMLInputElement).value)}
            aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? "moderator-email-error" : undefined)} />
          ${fieldErrorView("email", messages, "moderator-email-error")}
        </div>
        <button class="primary" type="submit" data-testid="moderator-submit" ?disabled=${busy}>${t("admin.moderators.add")}</button>
      </form>`;
  }

  function historyView(events: MembershipEventDto[]) {
    return html`<section class="card admin-section" id="admin-history" aria-labelledby="admin-history-title">
      <h3 id="admin-history-title">${t("admin.history.title")}</h3>
      ${events.length === 0
        ? html`<p class="muted">${t("admin.history.empty")}</p>`
        : html`<div class="table-wrap">
            <table class="history phone-cards" data-testid="admin-history">
              <thead><tr>
                <th scope="col">${t("admin.history.when")}</th><th scope="col">${t("admin.history.firm")}</th>
                <th scope="col">${t("admin.history.status")}</th><th scope="col">${t("admin.history.by")}</th>
                <th scope="col">${t("admin.history.reason")}</th>
              </tr></thead>
              <tbody>
                ${events.map(
                  (e) => html`<tr data-testid="history-item" data-firm-id=${e.firmId} data-status=${e.status ?? ""}>
                    <td class="nowrap" data-label=${t("admin.history.when")}><span>${formatDateTime(e.at)}</span></td>
                    <td data-label=${t("admin.history.firm")}><span>${firmLink(e)}</span></td>
                    <td data-label=${t("admin.history.status")}><span>${e.status
                      ? html`<span class="badge status status-${e.status.toLowerCase()}" data-status=${e.status}>${t(`event.${e.status}`)}</span>`
                      : nothing}</span></td>
                    <td class="by" data-label=${t("admin.history.by")}><span>${emailView(e.actorEmail)}</span></td>
                    <td data-label=${t("admin.history.reason")}><span>${e.reason ?? html`<span class="muted">—</span>`}</span></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  const jump = (section: Section) => () => {
    const scroll = () => document.getElementById(`admin-${section}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
    if (tab === "manage") return scroll();
    // The section is in the Management tab: show it, then scroll once it is drawn.
    showTab("manage");
    queueMicrotask(scroll);
  };

  function showTab(next: Tab): void {
    tab = next;
    if (next === "dashboard" && !dashboard) {
      dashboard = spaceDashboard(ctx.spaceId, ctx.redraw);
      dashboard.load();
    }
    if (next !== "dashboard") dashboard?.hide();
    ctx.redraw();
  }

  /** Arrow keys move between the tabs, as in any tab list. */
  function onTabKey(event: KeyboardEvent): void {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    showTab(tab === "manage" ? "dashboard" : "manage");
    queueMicrotask(() => document.getElementById(`admin-tab-${tab}`)?.focus());
  }

  /** A figure of the side card that leads to its section; highlighted while there is something to do. */
  const todo = (section: Section, count: number, label: string) =>
    html`<li class=${count > 0 ? "todo" : ""}><button type="button" class="link" @click=${jump(section)}>
      <span class="figure">${count}</span> ${label}</button></li>`;

  return {
    /** Loads the admins' lists again (on a hub notice, after an action). */
    load: () => {
      loadLists();
      buyers.load();
      dashboard?.load();
    },
    /** Opens the Dashboard tab (or the Management one). */
    showTab,
    dispose() {
      loadLists.cancel();
      buyers.dispose();
      dashboard?.dispose();
      firmSearch.dispose();
      clearTimeout(freshTimer);
    },
    /** The side card: what awaits the admins, at a glance. */
    sideView(detail: SpaceDetailDto) {
      const groups = memberships ? groupMemberships(memberships) : null;
      const pending = memberships ? awaitingPolicy(memberships).length : 0;
      return html`<section class="card admin-summary" data-testid="admin-summary" aria-labelledby="admin-summary-title">
        <h2 id="admin-summary-title">${t("admin.summary.title")}</h2>
        ${groups
          ? html`<ul class="todo-list">
              ${todo("applications", groups.applications.length, tn("admin.summary.applications", groups.applications.length))}
              ${todo("policy", pending, tn("admin.summary.policy", pending, { version: detail.policy.version }))}
              ${todo("invitations", groups.invited.length, tn("admin.summary.invitations", groups.invited.length))}
              ${todo("buyers", buyers.requests(), tn("admin.summary.buyers", buyers.requests()))}
            </ul>`
          : loadingView()}
        <p class="summary-links">
          <button type="button" class="link" @click=${jump("history")}>${t("admin.summary.history")}</button>
          <a href=${href({ name: "spaceDashboard", id: ctx.spaceId })} data-testid="admin-summary-dashboard">${t("admin.summary.dashboard")}</a>
        </p>
      </section>`;
    },
    view(detail: SpaceDetailDto, hostEditor: boolean) {
      const sections: Section[] = ["applications", "members", "invitations", "policy", "buyers", "moderators", "history"];
      const groups = memberships ? groupMemberships(memberships) : null;
      const tabButton = (name: Tab, label: string) =>
        html`<button type="button" role="tab" id="admin-tab-${name}" data-testid="admin-tab-${name}" aria-controls="admin-panel"
          aria-selected=${tab === name ? "true" : "false"} tabindex=${tab === name ? "0" : "-1"}
          @click=${() => showTab(name)} @keydown=${onTabKey}>${label}</button>`;
      return html`<section class="admin-area" data-testid="space-admin" aria-labelledby="admin-title">
        <div class="admin-head">
          <h2 id="admin-title">${t("admin.title")}</h2>
          <div class="admin-tabs" role="tablist" aria-label=${t("admin.tabs")}>
            ${tabButton("manage", t("admin.tab.manage"))}
            ${tabButton("dashboard", t("admin.tab.dashboard"))}
          </div>
        </div>
        <div id="admin-panel" role="tabpanel" aria-labelledby="admin-tab-${tab}">
        ${tab === "dashboard" && dashboard
          ? dashboard.view({ territory: detail.territoryProvinces, fullPageLink: true })
          : html`<nav class="admin-nav" aria-label=${t("admin.nav")}>
            ${sections.map(
              (s) => html`<button type="button" class="link" @click=${jump(s)}>${t(`admin.nav.${s}`)}${s === "applications" && groups?.applications.length
                ? html` <span class="count">${groups.applications.length}</span>` : nothing}</button>`,
            )}
          </nav>
        ${failed
          ? loadErrorView()
          : !groups || !history
            ? loadingView()
            : html`
                <div class="admin-grid">
                  ${applicationsView(groups.applications)}
                  ${membersView(groups.members, groups.former, detail.policy.version)}
                </div>
                <div class="admin-grid">
                  ${invitationsView(groups.invited)}
                  ${policyView(detail, awaitingPolicy(memberships ?? []))}
                </div>
                ${buyers.view()}
                ${moderatorsView(detail.moderators, hostEditor)}
                ${historyView(history)}
              `}`}
        </div>
        ${dialog.view()}
      </section>`;
    },
  };
}
