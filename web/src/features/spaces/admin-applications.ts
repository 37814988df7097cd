// In a space's admin area: the firms' applications, each with its message and the policy version it accepted; the
// admins approve or reject them. An application that arrives live is highlighted for a moment.
import { html, nothing } from "lit";
import type { SpaceMembershipDto } from "../../api/types";
import { t } from "../../i18n";
import { MembershipDecisions } from "./admin-decisions";
import { AdminSectionElement, firmLink, since } from "./admin-section";

export class AdminApplications extends AdminSectionElement {
  static override properties = {
    applications: { attribute: false },
    fresh: { attribute: false },
  };

  declare applications: SpaceMembershipDto[];
  /** The firms whose application has just arrived. */
  declare fresh: ReadonlySet<string>;
  readonly #decisions = new MembershipDecisions(() => this.ctx, this.action, () => this.requestUpdate());

  constructor() {
    super();
    this.applications = [];
    this.fresh = new Set();
  }

  protected override render() {
    const list = this.applications;
    return html`<section class="card admin-section" id="admin-applications" aria-labelledby="admin-applications-title">
      <h3 id="admin-applications-title">${t("admin.applications.title")} <span class="count">${list.length}</span></h3>
      <ul class="admin-list" data-testid="admin-applications">
        ${list.length === 0 ? html`<li class="empty-row">${t("admin.applications.empty")}</li>` : nothing}
        ${list.map(
          (m) => html`<li class="admin-item ${this.fresh.has(m.firmId) ? "changed" : ""}" data-testid="application-item" data-firm-id=${m.firmId}>
            <div class="item-main">
              <div class="item-head">${firmLink(m)} ${since(m.since)}</div>
              ${m.message
                ? html`<blockquote class="message">${m.message}</blockquote>`
                : html`<p class="muted small">${t("admin.applications.noMessage")}</p>`}
              <p class="muted small">${t("admin.applications.accepted", { version: m.acceptedPolicyVersion ?? "—" })}</p>
            </div>
            <div class="item-actions">${this.#decisions.buttons(m)}</div>
          </li>`,
        )}
      </ul>
      ${this.feedbackView("applications")}
    </section>
    ${this.#decisions.dialogView()}`;
  }
}

customElements.define("admin-applications", AdminApplications);
