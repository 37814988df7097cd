// The agreement in force (accordo di raggruppamento / di rete) with its version; for whoever the server lets
// publish (the lead's Owners and Managers), new terms to publish: the lead accepts them by publishing, every other firm must accept them again.
import type { FieldErrors } from "../../api/problem";
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { AllianceDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { fieldErrorView } from "../../views";
import type { AllianceContext } from "./alliance-context";
import { checkAgreementText, MAX_AGREEMENT } from "./alliance-form";
import { allows } from "../../api/viewer-actions";

type Status = { ok: boolean; text: () => string } | null;

export function agreementSection(ctx: AllianceContext) {
  /** The new terms as typed; until the lead types, the terms in force (a newer version replaces them). */
  let draft = "";
  let dirty = false;
  let errors: FieldErrors = {};
  let sent: { text: string } | undefined;
  let status: Status = null;

  async function publish(event: SubmitEvent, alliance: AllianceDto): Promise<void> {
    event.preventDefault();
    sent = { text: draft.trim() };
    errors = checkAgreementText(draft);
    status = null;
    if (Object.keys(errors).length > 0) {
      ctx.redraw();
      return;
    }
    const next = alliance.agreement.version + 1;
    const outcome = await ctx.run(() => api.publishAllianceAgreement(ctx.allianceId, sent!.text), {
      shown: ["text"],
      sent,
      done: () => t("alliance.done.published", { version: next }),
    });
    if (!outcome) return;
    errors = outcome.errors;
    status = { ok: outcome.ok, text: outcome.text };
    if (outcome.ok) dirty = false;
    ctx.redraw();
  }

  function publishForm(alliance: AllianceDto) {
    const messages = fieldMessages(errors, "text");
    return html`<form class="agreement-form" data-testid="agreement-form" novalidate @submit=${(e: SubmitEvent) => void publish(e, alliance)}>
      <h3>${t("alliance.newVersion")}</h3>
      <div class="field">
        <label for="agreement-text">${t("alliance.newVersionText")}</label>
        <textarea id="agreement-text" data-testid="agreement-text" rows="10" maxlength=${MAX_AGREEMENT} .value=${live(draft)}
          @input=${(e: InputEvent) => { draft = (e.target as HTMLTextAreaElement).value; dirty = true; }}
          aria-invalid=${messages.length ? "true" : "false"}
          aria-describedby=${ifDefined(messages.length ? "agreement-text-error agreement-text-hint" : "agreement-text-hint")}></textarea>
        <small class="hint" id="agreement-text-hint">${t("alliance.newVersionHint")}</small>
        ${fieldErrorView("text", messages, "agreement-text-error")}
      </div>
      <p class="actions">
        <button type="submit" class="primary" data-testid="publish-agreement" ?disabled=${ctx.busy()}>
          ${t("alliance.publish", { version: alliance.agreement.version + 1 })}</button>
      </p>
      <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="agreement-status">${status?.text() ?? ""}</p>
    </form>`;
  }

  return {
    view(alliance: AllianceDto) {
      const a = alliance.agreement;
      if (!dirty) draft = a.text;
      const title = alliance.tender ? "alliance.agreementRti" : "alliance.agreementStanding";
      return html`<section class="card" id="alliance-agreement" aria-labelledby="alliance-agreement-title">
        <div class="section-head">
          <h2 id="alliance-agreement-title">${t(title)}</h2>
          <span class="muted small" data-testid="alliance-agreement-version" data-version=${a.version}>
            ${t("alliance.agreementMeta", { version: a.version, when: formatDateTime(a.publishedAt) })}</span>
        </div>
        <div class="policy-text" data-testid="alliance-agreement" data-version=${a.version} tabindex="0">${a.text}</div>
        ${allows(alliance.actions, "PublishAgreement") ? publishForm(alliance) : nothing}
      </section>`;
    },
  };
}
