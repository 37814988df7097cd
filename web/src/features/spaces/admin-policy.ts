// In a space's admin area: the policy in force, the members who have not accepted it yet, and the form that
// publishes a new version of it.
import { html, nothing } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { FieldErrors } from "../../api/problem";
import type { SpaceDetailDto, SpaceMembershipDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatDateTime, t, tn } from "../../i18n";
import { fieldErrorView } from "../../views";
import { AdminSectionElement, firmLink } from "./admin-section";
import { buildPublishRequest, policyChanged } from "./requests";

export class AdminPolicy extends AdminSectionElement {
  static override properties = {
    detail: { attribute: false },
    pending: { attribute: false },
    publishes: { attribute: false },
    draft: { state: true },
    errors: { state: true },
  };

  declare detail: SpaceDetailDto;
  /** The members who have not accepted the policy in force. */
  declare pending: SpaceMembershipDto[];
  /** The viewer may publish a new version (the space's PublishPolicy action). */
  declare publishes: boolean;
  /** The new version as typed; null: not typed into since the last publication. */
  private declare draft: string | null;
  private declare errors: FieldErrors;

  constructor() {
    super();
    this.pending = [];
    this.publishes = false;
    this.draft = null;
    this.errors = {};
  }

  #publish(event: SubmitEvent): void {
    event.preventDefault();
    const request = buildPublishRequest(this.draft ?? this.detail.policy.text);
    this.errors = {};
    void this.action.run(() => api.publishPolicy(this.ctx.spaceId, request), {
      done: (space) => {
        this.draft = null;
        return () => t("admin.policy.published", { version: space.policy.version });
      },
      invalid: (errors) => {
        this.errors = errors;
        return () => [t("form.invalid"), ...otherFieldMessages(errors, ["text"])].join(" ");
      },
    });
  }

  #form(draft: string, messages: string[]) {
    const { detail } = this;
    return html`<form @submit=${(e: SubmitEvent) => this.#publish(e)} novalidate>
      <div class="field">
        <label for="policy-text">${t("admin.policy.newVersion", { version: detail.policy.version + 1 })}</label>
        <textarea id="policy-text" rows="10" maxlength="20000" data-testid="policy-text-input" .value=${live(draft)}
          @input=${(e: InputEvent) => (this.draft = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${messages.length ? "true" : "false"}
          aria-describedby=${ifDefined(messages.length ? "policy-text-error policy-text-hint" : "policy-text-hint")}></textarea>
        <small class="hint" id="policy-text-hint">${t("admin.policy.hint")}</small>
        ${fieldErrorView("text", messages, "policy-text-error")}
      </div>
      <div class="actions">
        <button class="primary" type="submit" data-testid="policy-publish" ?disabled=${this.action.busy || !policyChanged(draft, detail.policy.text)}>
          ${t("admin.policy.publish", { version: detail.policy.version + 1 })}</button>
        ${this.draft !== null && policyChanged(draft, detail.policy.text)
          ? html`<button type="button" class="link" @click=${() => { this.draft = null; this.errors = {}; }}>${t("admin.policy.discard")}</button>`
          : nothing}
      </div>
      ${this.feedbackView("policy")}
    </form>`;
  }

  protected override render() {
    const { detail, pending } = this;
    const draft = this.draft ?? detail.policy.text;
    const messages = fieldMessages(this.errors, "text");
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
      ${this.publishes ? this.#form(draft, messages) : nothing}
    </section>`;
  }
}

customElements.define("admin-policy", AdminPolicy);
