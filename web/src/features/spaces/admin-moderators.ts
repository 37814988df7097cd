// In a space's admin area: the moderators (people who act as its admins besides the host's Owners and Managers); those
// the server lets appoint them (the host's Owners and Managers) add one by e-mail or remove one.
import { html, nothing } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { FieldErrors } from "../../api/problem";
import type { ModeratorDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { fieldErrorView } from "../../views";
import { currentUser } from "../auth/session";
import { AdminSectionElement, emailView } from "./admin-section";

export class AdminModerators extends AdminSectionElement {
  static override properties = {
    moderators: { attribute: false },
    appoints: { attribute: false },
    email: { state: true },
    errors: { state: true },
  };

  declare moderators: readonly ModeratorDto[];
  /** The viewer may appoint and dismiss moderators (the space's SetModerator action). */
  declare appoints: boolean;
  private declare email: string;
  private declare errors: FieldErrors;

  constructor() {
    super();
    this.moderators = [];
    this.appoints = false;
    this.email = "";
    this.errors = {};
  }

  #remove(moderator: ModeratorDto): void {
    void this.action.run(() => api.removeModerator(this.ctx.spaceId, moderator.userId), {
      done: () => () => t("admin.moderators.removed", { email: moderator.email }),
    });
  }

  #add(event: SubmitEvent): void {
    event.preventDefault();
    const email = this.email.trim();
    this.errors = {};
    void this.action.run(() => api.addModerator(this.ctx.spaceId, { email: email === "" ? null : email }), {
      done: () => {
        this.email = "";
        return () => t("admin.moderators.added", { email });
      },
      invalid: (errors) => {
        this.errors = errors;
        return () => [t("form.invalid"), ...otherFieldMessages(errors, ["email"])].join(" ");
      },
    });
  }

  #form(messages: string[]) {
    return html`
      <form class="row moderator-form" @submit=${(e: SubmitEvent) => this.#add(e)} novalidate>
        <div class="field grow">
          <label for="moderator-email">${t("admin.moderators.email")}</label>
          <input id="moderator-email" type="email" autocomplete="off" data-testid="moderator-email" .value=${live(this.email)}
            @input=${(e: InputEvent) => (this.email = (e.target as HTMLInputElement).value)}
            aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? "moderator-email-error" : undefined)} />
          ${fieldErrorView("email", messages, "moderator-email-error")}
        </div>
        <button class="primary" type="submit" data-testid="moderator-submit" ?disabled=${this.action.busy}>${t("admin.moderators.add")}</button>
      </form>`;
  }

  protected override render() {
    const { moderators, appoints } = this;
    const you = currentUser()?.id.toLowerCase();
    return html`<section class="card admin-section" id="admin-moderators" aria-labelledby="admin-moderators-title">
      <h3 id="admin-moderators-title">${t("admin.moderators.title")} <span class="count">${moderators.length}</span></h3>
      <p class="muted small">${t("admin.moderators.intro")}</p>
      ${moderators.length
        ? html`<ul class="admin-list compact" data-testid="moderators-list">
            ${moderators.map(
              (m) => html`<li class="admin-item" data-testid="moderator-item" data-user-id=${m.userId}>
                <div class="item-main"><div class="item-head"><span class="moderator-name">${m.name}</span>
                  ${m.userId.toLowerCase() === you ? html`<span class="badge">${t("admin.moderators.you")}</span>` : nothing}</div>
                  <div class="muted small moderator-email">${emailView(m.email)}</div></div>
                ${appoints
                  ? html`<div class="item-actions">
                      <button type="button" class="danger-outline" data-testid="moderator-remove" ?disabled=${this.action.busy}
                        aria-label=${t("admin.moderators.removeLabel", { email: m.email })}
                        @click=${() => this.#remove(m)}>${t("admin.moderators.remove")}</button>
                    </div>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted" data-testid="moderators-empty">${t("admin.moderators.none")}</p>`}
      ${appoints
        ? this.#form(fieldMessages(this.errors, "email"))
        : html`<p class="small muted" data-testid="moderators-host-only">${t("admin.moderators.hostOnly")}</p>`}
      ${this.feedbackView("moderators")}
    </section>`;
  }
}

customElements.define("admin-moderators", AdminModerators);
