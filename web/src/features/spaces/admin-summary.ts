// On a space's page, for its admins: the side card that says what awaits them (applications, members yet to accept
// the policy, invitations, buyers' requests), each figure leading to its section of the admin area.
import { html } from "lit";
import type { SpaceDetailDto } from "../../api/types";
import { t, tn } from "../../i18n";
import { LightElement } from "../../light-element";
import { href } from "../../router";
import { Follow } from "../../shared-state";
import { loadingView } from "../../views";
import type { AdminSection, SpaceAdminState } from "./admin-state";
import { awaitingPolicy, groupMemberships } from "./standing";

export class SpaceAdminSummary extends LightElement {
  static override properties = {
    admin: { attribute: false },
    detail: { attribute: false },
  };

  declare admin: SpaceAdminState;
  declare detail: SpaceDetailDto;

  constructor() {
    super();
    new Follow(this, () => this.admin);
  }

  /** A figure that leads to its section; highlighted while there is something to do. */
  #todo(section: AdminSection, count: number, label: string) {
    return html`<li class=${count > 0 ? "todo" : ""}><button type="button" class="link" @click=${() => this.admin.jump(section)}>
      <span class="figure">${count}</span> ${label}</button></li>`;
  }

  protected override render() {
    const { memberships, buyers } = this.admin;
    const groups = memberships ? groupMemberships(memberships) : null;
    const pending = memberships ? awaitingPolicy(memberships).length : 0;
    return html`<section class="card admin-summary" data-testid="admin-summary" aria-labelledby="admin-summary-title">
      <h2 id="admin-summary-title">${t("admin.summary.title")}</h2>
      ${groups
        ? html`<ul class="todo-list">
            ${this.#todo("applications", groups.applications.length, tn("admin.summary.applications", groups.applications.length))}
            ${this.#todo("policy", pending, tn("admin.summary.policy", pending, { version: this.detail.policy.version }))}
            ${this.#todo("invitations", groups.invited.length, tn("admin.summary.invitations", groups.invited.length))}
            ${this.#todo("buyers", buyers.requests(), tn("admin.summary.buyers", buyers.requests()))}
          </ul>`
        : loadingView()}
      <p class="summary-links">
        <button type="button" class="link" @click=${() => this.admin.jump("history")}>${t("admin.summary.history")}</button>
        <a href=${href({ name: "spaceDashboard", id: this.admin.spaceId })} data-testid="admin-summary-dashboard">${t("admin.summary.dashboard")}</a>
      </p>
    </section>`;
  }
}

customElements.define("space-admin-summary", SpaceAdminSummary);
