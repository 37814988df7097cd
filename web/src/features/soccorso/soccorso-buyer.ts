// The buyer's soccorso istruttorio, in its evaluation once the bids are opened: per admissible bid, the requests made
// with their status and answer (its document to download), a form to ask (what to complete, and a deadline 5 to 10
// days away) and the withdrawal of a request not answered. The evaluation is read again on every change of the tender,
// so an answer shows as soon as the firm sends it.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { SoccorsoDto, TenderDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import { fieldErrorView } from "../../views";
import { isoToLocalInput, localInputToIso, localZone } from "../tenders/dates";
import type { TenderContext } from "../tenders/tender-context";
import { requestView, statusNow } from "./soccorso-view";

/** A bid the buyer may ask about: an opened, admissible bid, named by its firms. */
export interface AskableBid {
  bidId: string;
  bidderId: string;
  name: string;
}

const HOUR = 3_600_000;

/** Ten days from now, down to the hour and one hour less: near the longest term the law allows, and still inside it while the buyer writes. */
export const defaultDeadline = (now: number): string => isoToLocalInput(new Date(Math.floor((now + 240 * HOUR) / HOUR) * HOUR - HOUR).toISOString());

export function soccorsoBuyer(ctx: TenderContext, changed: () => void) {
  let asking: string | null = null;
  let subject = "";
  let deadline = "";
  let errors: FieldErrors = {};
  let status: { bidId: string; ok: boolean; text: () => string } | null = null;
  let busy = false;

  async function ask(bid: AskableBid): Promise<void> {
    if (busy) return;
    busy = true;
    errors = {};
    status = null;
    ctx.redraw();
    try {
      await api.requestSoccorso(ctx.tenderId, { bidId: bid.bidId, subject: subject.trim(), deadline: localInputToIso(deadline) });
      asking = null;
      subject = "";
      status = { bidId: bid.bidId, ok: true, text: () => t("soccorso.sent") };
      changed();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        const fieldErrors = errors;
        status = { bidId: bid.bidId, ok: false, text: () => otherFieldMessages(fieldErrors, ["subject", "deadline"]).join(" ") };
      } else {
        const problem = refusedAction(error);
        status = { bidId: bid.bidId, ok: false, text: problem.text };
        if (problem.reload) ctx.reload();
      }
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function withdraw(r: SoccorsoDto): Promise<void> {
    if (busy) return;
    if (!(await ctx.confirm(() => ({
      title: t("soccorso.withdrawTitle", { n: r.number }),
      body: t("soccorso.withdrawBody"),
      confirm: t("soccorso.withdraw"),
    })))) return;
    busy = true;
    status = null;
    ctx.redraw();
    try {
      await api.withdrawSoccorso(ctx.tenderId, r.number);
    } catch (error) {
      const problem = refusedAction(error);
      status = { bidId: r.bidId, ok: false, text: problem.text };
    } finally {
      busy = false;
      changed();
      ctx.redraw();
    }
  }

  function form(bid: AskableBid) {
    const subjectId = `soccorso-subject-${bid.bidId}`;
    const deadlineId = `soccorso-deadline-${bid.bidId}`;
    const subjectMessages = fieldMessages(errors, "subject");
    const deadlineMessages = fieldMessages(errors, "deadline");
    return html`<form class="soccorso-ask" data-testid="soccorso-ask-form" novalidate
      @submit=${(e: SubmitEvent) => { e.preventDefault(); void ask(bid); }}>
      <h4>${t("soccorso.askTitle", { firm: bid.name })}</h4>
      <div class="field">
        <label for=${subjectId}>${t("soccorso.subject")}</label>
        <textarea id=${subjectId} data-testid="soccorso-subject-input" rows="3" maxlength="2000" .value=${live(subject)}
          @input=${(e: InputEvent) => (subject = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${subjectMessages.length ? "true" : "false"} aria-describedby=${ifDefined(subjectMessages.length ? `${subjectId}-error` : undefined)}></textarea>
        <small class="hint">${t("soccorso.subjectHint")}</small>
        ${fieldErrorView("subject", subjectMessages, `${subjectId}-error`)}
      </div>
      <div class="field">
        <label for=${deadlineId}>${t("soccorso.deadline")}</label>
        <input id=${deadlineId} type="datetime-local" data-testid="soccorso-deadline-input" .value=${live(deadline)}
          @input=${(e: InputEvent) => (deadline = (e.target as HTMLInputElement).value)}
          aria-invalid=${deadlineMessages.length ? "true" : "false"} aria-describedby=${ifDefined(deadlineMessages.length ? `${deadlineId}-error` : undefined)} />
        <small class="hint">${t("soccorso.deadlineHint", { zone: localZone() })}</small>
        ${fieldErrorView("deadline", deadlineMessages, `${deadlineId}-error`)}
      </div>
      <p class="actions">
        <button type="submit" class="primary" data-testid="soccorso-send" ?disabled=${busy}>${t("soccorso.send")}</button>
        <button type="button" ?disabled=${busy} @click=${() => { asking = null; errors = {}; status = null; ctx.redraw(); }}>${t("common.back")}</button>
      </p>
    </form>`;
  }

  return {
    view(tender: TenderDto, bids: readonly AskableBid[], requests: readonly SoccorsoDto[]) {
      const open = tender.status === "Evaluation";
      const asked = requests.filter((r) => !bids.some((b) => b.bidId === r.bidId));
      if (!open && requests.length === 0) return nothing;
      const now = ctx.now();
      const list = (items: readonly SoccorsoDto[]) => items.length === 0
        ? html`<p class="muted small">${t("soccorso.none")}</p>`
        : html`<ul class="soccorso-list">${items.map((r) => requestView(tender.id, r, now, "buyer",
            open && statusNow(r, now) === "Open"
              ? html`<p class="actions"><button type="button" data-testid="soccorso-withdraw" ?disabled=${busy} @click=${() => void withdraw(r)}>
                  ${t("soccorso.withdraw")}</button></p>`
              : nothing))}</ul>`;
      return html`<section class="soccorso buyer" data-testid="soccorso-buyer" aria-labelledby="soccorso-buyer-title">
        <h3 id="soccorso-buyer-title">${t("soccorso.title")}</h3>
        <p class="small muted">${t("soccorso.buyerIntro")}</p>
        ${bids.map((bid) => html`<div class="soccorso-bid" data-testid="soccorso-bid" data-bidder-id=${bid.bidderId}>
          <div class="section-head">
            <h4>${bid.name}</h4>
            ${open && asking !== bid.bidId
              ? html`<button type="button" data-testid="soccorso-ask" ?disabled=${busy} aria-label=${t("soccorso.askLabel", { firm: bid.name })}
                  @click=${() => { asking = bid.bidId; subject = ""; deadline = defaultDeadline(ctx.now()); errors = {}; status = null; ctx.redraw(); }}>
                  ${t("soccorso.ask")}</button>`
              : nothing}
          </div>
          ${asking === bid.bidId ? form(bid) : nothing}
          ${status?.bidId === bid.bidId && (!status.ok || requests.some((r) => r.bidId === bid.bidId && statusNow(r, now) === "Open"))
            ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status">${status.text()}</p>`
            : nothing}
          ${list(requests.filter((r) => r.bidId === bid.bidId))}
        </div>`)}
        ${asked.length ? list(asked) : nothing}
      </section>`;
    },
  };
}
