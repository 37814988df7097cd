// In a space's admin area: the members (with the association's verified mark and whether they accepted the latest
// policy) and the former ones; the admins suspend, reinstate or remove a member, and vouch for its size and VAT number.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import type { SpaceMembershipDto } from "../../api/types";
import { allows, blockersOf } from "../../api/viewer-actions";
import { confirmDialog } from "../../confirm-dialog";
import { t, tn } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { MembershipDecisions } from "./admin-decisions";
import { AdminSectionElement, firmLink, since, type Feedback } from "./admin-section";
import { statusBadge, verifiedBadge } from "./space-views";
import "../qualifications/member-qualifications";

/**
 * How the last vouch or revocation went, next to the firm it was about; shown while the firm's mark is as the
 * outcome left it (a profile edit that voids or restores the mark makes it stale); null: until the next action.
 */
type VouchFeedback = Feedback & { firmId: string; verified: boolean | null };

export class AdminMembers extends AdminSectionElement {
  static override properties = {
    members: { attribute: false },
    former: { attribute: false },
    policyVersion: { attribute: false },
    vouchFeedback: { state: true },
    opened: { state: true },
  };

  declare members: SpaceMembershipDto[];
  declare former: SpaceMembershipDto[];
  declare policyVersion: number;
  private declare vouchFeedback: VouchFeedback | null;
  /** The members whose qualifications the admin opened: read only then, one firm at a time. */
  private declare opened: ReadonlySet<string>;
  readonly #decisions = new MembershipDecisions(() => this.ctx, this.action, () => this.requestUpdate());
  readonly #confirm = confirmDialog(() => this.requestUpdate());

  constructor() {
    super();
    this.members = [];
    this.former = [];
    this.policyVersion = 0;
    this.vouchFeedback = null;
    this.opened = new Set();
  }

  /** A member's qualifications, to check against the documents: read when opened. */
  #qualificationsView(m: SpaceMembershipDto) {
    const open = this.opened.has(m.firmId);
    const toggle = (e: Event) => {
      const next = new Set(this.opened);
      if ((e.target as HTMLDetailsElement).open) next.add(m.firmId);
      else next.delete(m.firmId);
      this.opened = next;
    };
    return html`<details class="member-qualifications-toggle" ?open=${open} @toggle=${toggle}>
      <summary data-testid="member-qualifications-open">${t("qualifications.check.open")}</summary>
      ${open ? html`<member-qualifications .spaceId=${this.ctx.spaceId} .firmId=${m.firmId}></member-qualifications>` : nothing}
    </details>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#confirm.dismiss();
  }

  async #vouch(m: SpaceMembershipDto, action: "vouch" | "revoke"): Promise<void> {
    // The association puts its name behind the firm's figures: it is asked once more, with what that means.
    const sure = action === "revoke" || await this.#confirm.ask(() => ({
      title: t("vouch.confirm.title", { firm: m.firmName }),
      body: t("vouch.hint", { firm: m.firmName }),
      confirm: t("vouch.submit"),
    }));
    if (!sure) return;
    return this.action.exclusive(async () => {
      this.vouchFeedback = null;
      try {
        this.ctx.accept(action === "vouch" ? await api.vouch(this.ctx.spaceId, m.firmId) : await api.revokeVouch(this.ctx.spaceId, m.firmId));
        this.vouchFeedback = {
          firmId: m.firmId,
          ok: true,
          verified: action === "vouch",
          text: () => t(action === "vouch" ? "vouch.done" : "vouch.revoked", { firm: m.firmName }),
        };
      } catch (error) {
        // The list (or the firm's profile) has changed under the admin: say why until they act again.
        this.vouchFeedback = { firmId: m.firmId, ok: false, verified: null, text: await this.action.refused(error) };
      }
    });
  }

  /** Vouching and revoking, as the row allows; a member whose profile lacks what a vouch speaks for is told so. */
  #vouchButtons(m: SpaceMembershipDto) {
    const incomplete = blockersOf(m.actions, "Vouch").find((b) => b.code === "space.nothingToVouch");
    return html`${allows(m.actions, "Vouch")
      ? html`<button type="button" class="primary-outline" data-testid="vouch-submit" ?disabled=${this.action.busy}
          title=${t("vouch.hint", { firm: m.firmName })} @click=${() => this.#vouch(m, "vouch")}>${t("vouch.submit")}</button>`
      : nothing}
      ${allows(m.actions, "RevokeVouch")
        ? html`<button type="button" data-testid="vouch-revoke" ?disabled=${this.action.busy}
            aria-label=${t("vouch.revokeLabel", { firm: m.firmName })} title=${t("vouch.revokeLabel", { firm: m.firmName })}
            @click=${() => this.#vouch(m, "revoke")}>${t("vouch.revoke")}</button>`
        : nothing}
      ${incomplete
        ? html`<small class="muted" data-testid="vouch-blocker">${refusalText(incomplete.code, incomplete.args) ?? ""}</small>`
        : nothing}`;
  }

  #vouchStatusView(m: SpaceMembershipDto) {
    const f = this.vouchFeedback;
    return f && f.firmId === m.firmId && (f.verified === null || f.verified === m.verified)
      ? html`<p class="status item-status ${f.ok ? "ok" : "error"}" role="status" data-testid="vouch-status">${f.text()}</p>`
      : nothing;
  }

  protected override render() {
    const { members: list, former, policyVersion } = this;
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
            <div class="item-actions">${this.#vouchButtons(m)}${this.#decisions.buttons(m)}</div>
            ${this.#vouchStatusView(m)}
            ${m.status === "Member" ? this.#qualificationsView(m) : nothing}
          </li>`,
        )}
      </ul>
      ${this.feedbackView("members")}
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
    </section>
    ${this.#decisions.dialogView()} ${this.#confirm.view()}`;
  }
}

customElements.define("admin-members", AdminMembers);
