// On a space's page, for its admins: applications, members (with the association's verified mark), invitations, the
// policy, the buyers that publish there, the reports member firms sent the association, moderators and the history of every membership change, each section its own
// component; and, in a tab of its own, the dashboard. What the sections show comes from the shared admin state
// (admin-state.ts), loaded again whenever the hub says the memberships changed.
import { html, nothing } from "lit";
import type { SpaceDetailDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t } from "../../i18n";
import { LightElement } from "../../light-element";
import { Follow } from "../../shared-state";
import { tabPanel, tabsView } from "../../tabs";
import { loadErrorView, loadingView } from "../../views";
import "./admin-applications";
import { historyView } from "./admin-history";
import "./admin-invitations";
import "./admin-members";
import "./admin-moderators";
import "./admin-opportunities";
import "./admin-policy";
import "./admin-reports";
import type { AdminSection, AdminTab, SpaceAdminState } from "./admin-state";
import type { SpaceContext } from "./space-context";
import { awaitingPolicy, groupMemberships } from "./standing";

const sections: AdminSection[] = ["applications", "members", "invitations", "policy", "buyers", "opportunities", "reports", "moderators", "history"];

export class SpaceAdmin extends LightElement {
  static override properties = {
    ctx: { attribute: false },
    admin: { attribute: false },
    detail: { attribute: false },
  };

  declare ctx: SpaceContext;
  declare admin: SpaceAdminState;
  declare detail: SpaceDetailDto;

  constructor() {
    super();
    new Follow(this, () => this.admin);
  }

  #manageView() {
    const { memberships, history, buyers } = this.admin;
    const groups = memberships ? groupMemberships(memberships) : null;
    const lists = this.admin.failed
      ? loadErrorView()
      : !memberships || !groups || !history
        ? loadingView()
        : html`
            <div class="admin-grid">
              <admin-applications .ctx=${this.ctx} .applications=${groups.applications} .fresh=${this.admin.fresh}></admin-applications>
              <admin-members .ctx=${this.ctx} .members=${groups.members} .former=${groups.former}
                .policyVersion=${this.detail.policy.version}></admin-members>
            </div>
            <div class="admin-grid">
              <admin-invitations .ctx=${this.ctx} .invited=${groups.invited} .memberships=${memberships}></admin-invitations>
              <admin-policy .ctx=${this.ctx} .detail=${this.detail} .pending=${awaitingPolicy(memberships)}
                .publishes=${allows(this.detail.actions, "PublishPolicy")}></admin-policy>
            </div>
            ${buyers.view()}
            <admin-opportunities .ctx=${this.ctx}></admin-opportunities>
            <admin-reports .ctx=${this.ctx}></admin-reports>
            <admin-moderators .ctx=${this.ctx} .moderators=${this.detail.moderators}
              .appoints=${allows(this.detail.actions, "SetModerator")}></admin-moderators>
            ${historyView(history)}
          `;
    return html`<nav class="admin-nav" aria-label=${t("admin.nav")}>
        ${sections.map(
          (s) => html`<button type="button" class="link" @click=${() => this.admin.jump(s)}>${t(`admin.nav.${s}`)}${s === "applications" && groups?.applications.length
            ? html` <span class="count">${groups.applications.length}</span>` : nothing}</button>`,
        )}
      </nav>
      ${lists}`;
  }

  protected override render() {
    const { tab, dashboard } = this.admin;
    return html`<section class="admin-area" data-testid="space-admin" aria-labelledby="admin-title">
      <div class="admin-head">
        <h2 id="admin-title">${t("admin.title")}</h2>
        ${tabsView<AdminTab>("admin", t("admin.tabs"), [
          { id: "manage", label: t("admin.tab.manage") },
          { id: "dashboard", label: t("admin.tab.dashboard") },
        ], tab, (next) => this.admin.showTab(next))}
      </div>
      ${tabPanel("admin", "manage", tab, this.#manageView())}
      ${tabPanel("admin", "dashboard", tab, tab === "dashboard" && dashboard
        ? dashboard.view({ territory: this.detail.territoryProvinces, fullPageLink: true })
        : nothing)}
    </section>`;
  }
}

customElements.define("space-admin", SpaceAdmin);
