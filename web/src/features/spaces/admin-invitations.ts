// In a space's admin area: the firms invited to join, and the search that picks a firm to invite (each option says
// where the firm stands in the space; why a firm cannot be invited comes with its membership's actions).
import { html, nothing } from "lit";
import { api } from "../../api/client";
import type { DirectoryEntryDto, SpaceMembershipDto } from "../../api/types";
import { blockersOf } from "../../api/viewer-actions";
import { otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { typeahead } from "../../typeahead";
import { comuneLabel } from "../businesses/format";
import { AdminSectionElement, firmLink, since } from "./admin-section";
import { statusBadge } from "./space-views";

export class AdminInvitations extends AdminSectionElement {
  static override properties = {
    invited: { attribute: false },
    memberships: { attribute: false },
    invitee: { state: true },
  };

  /** The firms invited and not yet answering. */
  declare invited: SpaceMembershipDto[];
  /** Every membership of the space: where a firm found by the search stands. */
  declare memberships: SpaceMembershipDto[];
  private declare invitee: DirectoryEntryDto | null;

  constructor() {
    super();
    this.invited = [];
    this.memberships = [];
    this.invitee = null;
  }

  readonly #membershipOf = (firmId: string) => this.memberships.find((m) => m.firmId.toLowerCase() === firmId.toLowerCase());

  /** Why the firm cannot be invited now, from its membership (a firm the space never dealt with has none, and can be). */
  readonly #blockerOf = (firmId: string) => {
    const membership = this.#membershipOf(firmId);
    return membership ? (blockersOf(membership.actions, "Invite")[0] ?? null) : null;
  };

  /** The search keeps its own state (text, options); it asks this element to render it again. */
  readonly #firmSearch = typeahead<DirectoryEntryDto>(
    {
      testid: "invite-search",
      optionTestid: "invite-option",
      placeholder: () => t("admin.invite.placeholder"),
      // Only firms join a space (the server refuses inviting anything else): the search asks the directory for firms.
      search: (q) => api.directory(q, 1, 20, "Firm").then((page) => page.items),
      key: (entry) => entry.id,
      option: (entry) => {
        const status = this.#membershipOf(entry.id)?.status;
        return html`<span class="option-row"><span><strong>${entry.name}</strong>
          ${entry.comuneName ? html`<span class="muted"> · ${comuneLabel(entry.comuneName, entry.provinceSigla)}</span>` : nothing}</span>
          ${status ? statusBadge(status) : nothing}</span>`;
      },
      pick: (entry) => {
        this.invitee = entry;
        this.action.feedback = null;
      },
    },
    () => this.requestUpdate(),
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#firmSearch.dispose();
  }

  #invite(event: SubmitEvent): void {
    event.preventDefault();
    const firm = this.invitee;
    if (!firm) return;
    void this.action.run(() => api.invite(this.ctx.spaceId, { firmId: firm.id }), {
      done: () => {
        this.invitee = null;
        return () => t("admin.invite.done", { firm: firm.name });
      },
      invalid: (errors) => () => otherFieldMessages(errors, []).join(" "),
    });
  }

  protected override render() {
    const { invited, invitee } = this;
    const block = invitee ? this.#blockerOf(invitee.id) : null;
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
      <form class="invite-firm" @submit=${(e: SubmitEvent) => this.#invite(e)} novalidate>
        <div class="field">
          <label for="invite-firm-search">${t("admin.invite.search")}</label>
          ${invitee
            ? html`<p class="chips"><span class="chip" data-testid="invite-chosen" data-firm-id=${invitee.id}>${invitee.name}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: invitee.name })}
                  @click=${() => (this.invitee = null)}>×</button></span></p>`
            : nothing}
          ${this.#firmSearch.view("invite-firm-search", block ? "invite-block" : undefined)}
          ${block
            ? html`<small class="hint warn-text" id="invite-block" data-testid="invite-block">${refusalText(block.code, block.args) ?? ""}</small>`
            : nothing}
        </div>
        <button class="primary" type="submit" data-testid="invite-submit" ?disabled=${!invitee || block !== null || this.action.busy}>
          ${invitee ? t("admin.invite.submitFirm", { firm: invitee.name }) : t("admin.invite.submit")}</button>
        ${this.feedbackView("invitations")}
      </form>
    </section>`;
  }
}

customElements.define("admin-invitations", AdminInvitations);
