// The buyer's actions on its tender, as the tender offers them: publish the draft, edit it, amend during the enquiry
// period, cancel with a public reason, and mark the awarded tender complete.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { TenderAction, TenderDto } from "../../api/types";
import { allows, blockersOf } from "../../api/viewer-actions";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { href } from "../../router";
import { fieldErrorView } from "../../views";
import { formatDeadline } from "./dates";
import { refusalText, refusedAction } from "../../i18n/refusals";
import { actsForBuyer, whyBlocked } from "./tender-actions";
import type { TenderContext } from "./tender-context";

/**
 * What the last action did or why it was refused. A success is said while the tender stays at the stage it left it in
 * (`at`): "published: questions until…" is no longer true once bids are open, days later on the same page.
 */
type Status = { ok: boolean; text: () => string; at?: TenderDto["status"] } | null;

export function managePanel(ctx: TenderContext) {
  let busy = false;
  let status: Status = null;
  let cancelling = false;
  let reason = "";
  let errors: FieldErrors = {};

  async function run(action: "publish" | "complete" | "cancel", call: () => Promise<TenderDto>, done: (fresh: TenderDto) => () => string) {
    if (busy) return;
    busy = true;
    status = null;
    errors = {};
    ctx.redraw();
    try {
      const fresh = await call();
      status = { ok: true, text: done(fresh), at: fresh.status };
      cancelling = false;
      reason = "";
      ctx.accept(fresh);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        const shown = action === "cancel" ? ["reason"] : [];
        status = { ok: false, text: () => otherFieldMessages(errors, shown).join(" ") || t("form.invalid") };
      } else {
        const problem = refusedAction(error);
        status = { ok: false, text: problem.text };
        if (problem.reload) ctx.reload();
      }
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function publish(tender: TenderDto): Promise<void> {
    const sure = await ctx.confirm(() => ({
      title: t("tender.confirmPublish.title", { title: tender.title }),
      body: t("tender.confirmPublish.body", {
        spaces: tender.spaces.map((s) => s.name).join(", "),
        enquiry: formatDeadline(tender.enquiryDeadline),
        deadline: formatDeadline(tender.submissionDeadline),
      }),
      confirm: t("tender.publish"),
    }));
    if (!sure) return;
    await run("publish", () => api.publishTender(tender.id, tender.version), (fresh) => () => t("tender.published", { when: formatDeadline(fresh.enquiryDeadline) }));
  }

  const complete = (tender: TenderDto) => run("complete", () => api.completeTender(tender.id), () => () => t("tender.completed"));

  function cancel(event: SubmitEvent, tender: TenderDto): void {
    event.preventDefault();
    const text = reason.trim();
    void run("cancel", () => api.cancelTender(tender.id, text), () => () => t("tender.cancelledDone"));
  }

  function cancelView(tender: TenderDto) {
    if (!cancelling)
      return html`<button type="button" class="danger-outline" data-testid="cancel-tender" ?disabled=${busy}
        @click=${() => { cancelling = true; status = null; errors = {}; ctx.redraw(); }}>${t("tender.cancel")}</button>`;
    const messages = fieldMessages(errors, "reason");
    return html`<form class="cancel-form" data-testid="cancel-form" @submit=${(e: SubmitEvent) => cancel(e, tender)} novalidate>
      <div class="field">
        <label for="cancel-reason">${t("tender.cancelReason")}</label>
        <textarea id="cancel-reason" data-testid="cancel-reason" rows="3" maxlength="4000" .value=${live(reason)}
          @input=${(e: InputEvent) => (reason = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${messages.length ? "true" : "false"}
          aria-describedby=${ifDefined(messages.length ? "cancel-reason-error cancel-reason-hint" : "cancel-reason-hint")}></textarea>
        <small class="hint" id="cancel-reason-hint">${t("tender.cancelHint")}</small>
        ${fieldErrorView("reason", messages, "cancel-reason-error")}
      </div>
      <p class="actions">
        <button type="submit" class="danger" data-testid="cancel-confirm" ?disabled=${busy}>${t("tender.cancelConfirm")}</button>
        <button type="button" ?disabled=${busy} @click=${() => { cancelling = false; errors = {}; ctx.redraw(); }}>${t("common.back")}</button>
      </p>
    </form>`;
  }

  return {
    view(tender: TenderDto) {
      if (!actsForBuyer(tender)) return nothing;
      if (status?.ok && status.at !== tender.status) status = null;
      const may = (action: TenderAction) => allows(tender.actions, action);
      const cancellable = may("Cancel");
      const actions = [
        may("Publish")
          ? html`<button type="button" class="primary" data-testid="publish-tender" ?disabled=${busy} @click=${() => void publish(tender)}>
              ${t("tender.publish")}</button>`
          : nothing,
        may("Edit")
          ? html`<a class="button" data-testid="edit-tender" href=${href({ name: "editTender", id: tender.id })}>${t("tender.editDraft")}</a>`
          : nothing,
        may("Amend")
          ? html`<a class="button" data-testid="amend-tender" href=${href({ name: "amendTender", id: tender.id })}>${t("tender.amend")}</a>`
          : nothing,
        may("Complete")
          ? html`<button type="button" class="primary" data-testid="complete-tender" ?disabled=${busy} @click=${() => void complete(tender)}>
              ${t("tender.complete")}</button>`
          : nothing,
      ];
      // Nothing to do now: the viewer is told why, unless it is only the tender's stage (e.g. an admin who started
      // the draft, whose mandate the buyer revoked, reads that it is the buyer's people's now).
      const why = tender.actions.allowed.length === 0 ? whyBlocked(tender.actions.blocked) : [];
      // A draft whose bids would close sooner than a space allows: why Publish is missing, and what to change.
      const tooSoon = blockersOf(tender.actions, "Publish").filter((b) => b.code === "tender.tenderingTooShort");
      if (!cancellable && !may("Complete") && !status && why.length === 0) return nothing;
      return html`<section class="card manage-panel" data-testid="tender-manage" aria-labelledby="tender-manage-title">
        <h2 id="tender-manage-title">${t("tender.manage")}</h2>
        ${why.map((text) => html`<p class="notice-line" data-testid="manage-blocked">${text}</p>`)}
        ${tooSoon.map((b) => html`<p class="alert warn small" data-testid="publish-blocked">${refusalText(b.code, b.args) ?? ""}</p>`)}
        ${may("Publish") ? html`<p class="muted small">${t("tender.draftNotice")}</p>` : nothing}
        ${may("Amend") ? html`<p class="muted small">${t("tender.amendHint")}</p>` : nothing}
        ${may("Complete") ? html`<p class="muted small">${t("tender.completeHint")}</p>` : nothing}
        <div class="actions">${actions}</div>
        ${cancellable ? html`<div class="cancel-area">${cancelView(tender)}</div>` : nothing}
        <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="manage-status">${status?.text() ?? ""}</p>
      </section>`;
    },
  };
}
