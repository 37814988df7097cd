// The bidder's side of the soccorso istruttorio, on the tender page (a firm bidding alone) and on the alliance page
// (an RTI): the buyer's requests with their clocks and, for the lead firm's Owners and Managers, the answer form (a
// text and an optional document uploaded for the lead firm), sent once. The page reads the requests again whenever
// the tender changes, so a new request, a withdrawal or the sent answer shows without a reload.
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { DocumentDto, SoccorsoDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import type { Redraw } from "../../page";
import { fieldErrorView } from "../../views";
import { documentsField } from "../tenders/documents-field";
import { requestView, statusNow } from "./soccorso-view";

/** The requests to one bid, and who answers them. */
export interface SoccorsoBid {
  tenderId: string;
  bidderId: string;
  lead: { id: string; name: string };
  /** Whether the viewer is an Owner or Manager of the lead firm: the only people who answer. */
  canAnswer: boolean;
  requests: readonly SoccorsoDto[];
}

/** The requests to a bid, for its firms' people (and the buyer); none before the bids are opened. */
export const soccorsoOf = (tenderId: string, bidderId: string): Promise<SoccorsoDto[]> => api.bidSoccorso(tenderId, bidderId);

export function soccorsoAnswers(redraw: Redraw, answered: () => void) {
  const texts = new Map<number, string>();
  const documents = new Map<number, DocumentDto[]>();
  const fields = new Map<number, ReturnType<typeof documentsField>>();
  const errors = new Map<number, FieldErrors>();
  const statuses = new Map<number, { ok: boolean; text: () => string }>();
  let busy = false;
  let lead = "";

  function field(number: number) {
    let found = fields.get(number);
    if (!found) {
      found = documentsField({
        owner: () => lead || null,
        // One document per answer: the last one chosen replaces the one before.
        list: () => documents.get(number) ?? [],
        set: (list) => documents.set(number, list.slice(-1)),
        inputTestid: "soccorso-file",
        itemTestid: "soccorso-file-item",
        inputId: `soccorso-file-${number}`,
      }, redraw);
      fields.set(number, found);
    }
    return found;
  }

  async function answer(bid: SoccorsoBid, r: SoccorsoDto): Promise<void> {
    if (busy) return;
    busy = true;
    errors.delete(r.number);
    statuses.delete(r.number);
    redraw();
    try {
      await api.answerSoccorso(bid.tenderId, bid.bidderId, r.number, {
        text: (texts.get(r.number) ?? "").trim(), document: documents.get(r.number)?.[0]?.id ?? null,
      });
      texts.delete(r.number);
      documents.delete(r.number);
      statuses.set(r.number, { ok: true, text: () => t("soccorso.replied") });
      answered();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const fieldErrors = error.errors;
        errors.set(r.number, fieldErrors);
        statuses.set(r.number, { ok: false, text: () => otherFieldMessages(fieldErrors, ["text"]).join(" ") });
      } else {
        const problem = refusedAction(error);
        statuses.set(r.number, { ok: false, text: problem.text });
        if (problem.reload) answered();
      }
    } finally {
      busy = false;
      redraw();
    }
  }

  function form(bid: SoccorsoBid, r: SoccorsoDto) {
    const id = `soccorso-text-${r.number}`;
    const messages = fieldMessages(errors.get(r.number) ?? {}, "text");
    const docs = field(r.number);
    return html`<form class="soccorso-form" data-testid="soccorso-form" novalidate
      @submit=${(e: SubmitEvent) => { e.preventDefault(); void answer(bid, r); }}>
      <div class="field">
        <label for=${id}>${t("soccorso.answer")}</label>
        <textarea id=${id} data-testid="soccorso-text" rows="3" maxlength="4000" .value=${live(texts.get(r.number) ?? "")}
          @input=${(e: InputEvent) => texts.set(r.number, (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${id}-error` : undefined)}></textarea>
        <small class="hint">${t("soccorso.answerHint")}</small>
        ${fieldErrorView("text", messages, `${id}-error`)}
      </div>
      ${docs.view(t("soccorso.attach"), t("soccorso.attachHint", { firm: bid.lead.name }), fieldMessages(errors.get(r.number) ?? {}, "document"))}
      <p class="actions"><button type="submit" class="primary" data-testid="soccorso-reply" ?disabled=${busy || docs.busy()}>${t("soccorso.reply")}</button></p>
    </form>`;
  }

  return {
    view(bid: SoccorsoBid | null, now: number) {
      if (!bid || bid.requests.length === 0) return nothing;
      lead = bid.lead.id;
      return html`<section class="soccorso bidder" data-testid="soccorso-bidder" aria-labelledby="soccorso-bidder-title">
        <h3 id="soccorso-bidder-title">${t("soccorso.title")}</h3>
        <p class="small muted">${t("soccorso.bidderIntro")}</p>
        ${bid.canAnswer ? nothing : html`<p class="small muted">${t("soccorso.leadAnswers", { firm: bid.lead.name })}</p>`}
        <ul class="soccorso-list">
          ${bid.requests.map((r) => {
            const status = statuses.get(r.number);
            return requestView(bid.tenderId, r, now, "bidder", html`
              ${bid.canAnswer && statusNow(r, now) === "Open" ? form(bid, r) : nothing}
              ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status">${status.text()}</p>` : nothing}`);
          })}
        </ul>
      </section>`;
    },
  };
}
