// A firm's bid on the tender page: before the enquiry deadline it says when bids open; while bids are taken, the
// form (a price per lot, an answer per quality criterion, documents) and, once submitted, the receipt; after the
// deadline, the receipt and the firm's result on each lot. The firm's own bid is the only one it may read; a firm
// that bid in an RTI instead is told so after the deadline, with the RTI's result (its tenderers' people read it).
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { BidDto, MyBusinessDto, ReceiptDto, SoccorsoDto, SubmitBidRequest, TenderDto } from "../../api/types";
import { describeFieldError, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { allows, blockersOf, offers } from "../../api/viewer-actions";
import { alliancesForTender } from "../alliances/alliance-rules";
import { bidResultOf, bidResultView, rtiBidOf, type BidResult } from "./bid-result";
import { soccorsoAnswers, soccorsoOf } from "../soccorso/soccorso-answers";
import { bidFormFrom, buildBidRequest, criterionOfError, emptyBidForm, lotOfError, qualityCriteria, saysWhatWasSent, type BidForm } from "./bid-form";
import { formatDeadline } from "./dates";
import { isOpen } from "./status";
import { documentsField } from "./documents-field";
import { refusalText, refusedAction } from "../../i18n/refusals";
import { bidReceiptTestids, copier, receiptView } from "./receipt-view";
import { firmActions, type TenderFirmActions } from "./tender-actions";
import type { TenderContext } from "./tender-context";
import { documentLink, money } from "./tender-views";

type Status = { ok: boolean; text: () => string } | null;

interface FirmBid {
  /** null: the firm has no bid. */
  bid: BidDto | null;
  /** After opening: the firm's place per lot; "notOpened" while the bids wait to be opened. */
  result: BidResult | null;
  /** With no bid of its own after the deadline: the RTI of the firm's that bid, and its result. */
  rti: { name: string; result: BidResult } | null;
}

const SHOWN = ["lots", "answers", "documents"] as const;

/** No answer says what became of the request: no response at all, a timeout, or a server or proxy failure. */
const answerLost = (error: unknown): boolean => !(error instanceof ApiError) || error.status === 0 || error.status === 408 || error.status >= 500;

/** The newer of two receipts of the same bid (a resubmission has the next number). */
const newest = (a: ReceiptDto | null | undefined, b: ReceiptDto | null | undefined): ReceiptDto | null =>
  !a ? (b ?? null) : !b ? a : b.submission > a.submission ? b : a;

export function bidPanel(ctx: TenderContext) {
  let selected = "";
  const bids = new Map<string, FirmBid>();
  let failed = false;
  let form: BidForm = emptyBidForm();
  /** The firm the form was filled for; a reload does not overwrite what the user is typing. */
  let formFor: string | null = null;
  let dirty = false;
  let errors: FieldErrors = {};
  let sent: SubmitBidRequest | undefined;
  let status: Status = null;
  let busy = false;
  /** The receipt the last submission returned, until the reloaded bid carries it. */
  let justReceived: { firmId: string; receipt: ReceiptDto } | null = null;

  const firms = (): MyBusinessDto[] => ctx.mine().filter((b) => b.kind === "Firm");
  const current = (): MyBusinessDto | undefined => {
    const list = firms();
    return list.find((f) => f.id === selected) ?? list[0];
  };

  /** The firm's RTI for this tender that submitted a bid, with its result; null when none did. */
  async function rtiOf(firmId: string, tender: TenderDto): Promise<FirmBid["rti"]> {
    const rti = alliancesForTender([await api.firmAlliances(firmId)], tender.id).find((s) => s.standing === "Active");
    if (!rti) return null;
    const { receipt, result } = await rtiBidOf(rti.id, tender);
    return receipt ? { name: rti.name, result: result ?? "notOpened" } : null;
  }

  /** The buyer's soccorso istruttorio requests to the firm's own bid, once the bids are opened. */
  const requests = new Map<string, SoccorsoDto[]>();
  const answers = soccorsoAnswers(ctx.redraw, () => load(true));

  async function fetchBid(firmId: string, hasBid: boolean): Promise<FirmBid & { firmId: string; soccorso?: SoccorsoDto[] }> {
    let bid: BidDto | null = null;
    if (hasBid) {
      try {
        bid = await api.bid(ctx.tenderId, firmId);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    }
    const tender = ctx.tender();
    const result = bid && tender?.bidsOpened ? await bidResultOf(ctx.tenderId, firmId) : null;
    const closed = tender && !isOpen(tender.status) && tender.status !== "Cancelled";
    const rti = !bid && closed ? await rtiOf(firmId, tender) : null;
    const soccorso = bid && tender?.bidsOpened ? await soccorsoOf(ctx.tenderId, firmId) : [];
    return { firmId, bid, result, rti, soccorso };
  }

  /** The firm's bid as now known; the form follows it unless the user is typing in it. */
  function showBid({ firmId, bid, result, rti, soccorso }: FirmBid & { firmId: string; soccorso?: SoccorsoDto[] }): void {
    bids.set(firmId, { bid, result, rti });
    requests.set(firmId, soccorso ?? []);
    failed = false;
    if (formFor !== firmId || !dirty) {
      form = bid ? bidFormFrom(bid) : emptyBidForm();
      formFor = firmId;
      dirty = false;
    }
    ctx.redraw();
  }

  const loadBid = latestOnly(
    fetchBid,
    showBid,
    () => {
      failed = true;
      ctx.redraw();
    },
  );

  /**
   * Loads the firm's bid. The tender says whether the firm has one, so a firm without a bid is not asked for it (a
   * 404 in the console); after the firm changed its bid (`changed`) the tender read may be older than the change.
   */
  function load(changed = false): void {
    const firm = current();
    const tender = ctx.tender();
    // Firms do not bid on a draft; a buyer's own people see the evaluation instead.
    if (!firm || !tender || tender.status === "Draft") return;
    const noBid = !changed && tender.viewerFirms.some((f) => f.firmId === firm.id && !f.hasBid);
    // While bids are taken a firm without a bid has nothing more to read; after the deadline, maybe its RTI's.
    if (noBid && isOpen(tender.status)) {
      loadBid.cancel();
      showBid({ firmId: firm.id, bid: null, result: null, rti: null });
      return;
    }
    loadBid(firm.id, !noBid);
  }

  /** The firm's bid changed: its bid, and what the tender now says the firm may do (e.g. withdraw it). */
  function refresh(): void {
    ctx.reload();
    load(true);
  }

  const documents = documentsField(
    {
      owner: () => current()?.id ?? null,
      list: () => form.documents,
      set: (list) => {
        form.documents = list;
        dirty = true;
      },
      inputTestid: "bid-document-upload",
      itemTestid: "bid-document",
      inputId: "bid-documents",
    },
    ctx.redraw,
  );

  async function submit(event: SubmitEvent, tender: TenderDto, firm: MyBusinessDto): Promise<void> {
    event.preventDefault();
    if (busy || documents.busy()) return;
    const built = buildBidRequest(tender, form);
    sent = built.body;
    errors = built.errors;
    status = null;
    if (Object.keys(errors).length > 0) {
      status = { ok: false, text: () => t("form.invalid") };
      ctx.redraw();
      return;
    }
    busy = true;
    ctx.redraw();
    try {
      const receipt = await api.submitBid(tender.id, firm.id, built.body);
      justReceived = { firmId: firm.id, receipt };
      dirty = false;
      status = { ok: true, text: () => t("bid.submitted") };
      refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        status = { ok: false, text: () => [t("form.invalid"), ...otherFieldMessages(errors, SHOWN)].join(" ") };
      } else if (answerLost(error)) {
        await settle(firm, built.body, error);
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

  /**
   * The answer to a submission never came (the connection dropped, a timeout, the server or a proxy failed): the server
   * may have stored the bid all the same, and a stored bid is the firm's bid. So the firm's stored bid is read back:
   * if it says what was sent, the submission was stored and its receipt is shown; otherwise the failure is.
   */
  async function settle(firm: MyBusinessDto, body: SubmitBidRequest, error: unknown): Promise<void> {
    try {
      const read = await fetchBid(firm.id, true);
      bids.set(firm.id, { bid: read.bid, result: read.result, rti: read.rti });
      if (read.bid && saysWhatWasSent(read.bid, body)) {
        justReceived = null;
        dirty = false;
        status = { ok: true, text: () => t("bid.storedDespiteError") };
        return;
      }
      status = { ok: false, text: refusedAction(error).text };
    } catch {
      status = { ok: false, text: () => t("bid.outcomeUnknown") };
    }
  }

  async function withdraw(tender: TenderDto, firm: MyBusinessDto): Promise<void> {
    if (busy) return;
    busy = true;
    status = null;
    errors = {};
    ctx.redraw();
    try {
      const bid = await api.withdrawBid(tender.id, firm.id);
      bids.set(firm.id, { bid, result: null, rti: null });
      justReceived = null;
      status = { ok: true, text: () => t("bid.withdrawnDone") };
      refresh();
    } catch (error) {
      const problem = refusedAction(error);
      status = { ok: false, text: problem.text };
      if (problem.reload) {
        ctx.reload();
        load(true);
      }
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  const copy = copier(ctx.redraw);

  function receiptFor(receipt: ReceiptDto, bid: BidDto | null) {
    const current = bid !== null && bid.receipt?.submission === receipt.submission;
    return receiptView(receipt, {
      testids: bidReceiptTestids,
      withdrawn: current && bid.status === "Withdrawn",
      matches: current ? bid.matchesReceipt : undefined,
      copier: copy,
    });
  }

  /** Messages about one lot's price (the server names the lot by its place in the request). */
  function lotMessages(lot: number): string[] {
    return Object.entries(errors)
      .filter(([key]) => key.startsWith("lots[") && lotOfError(key, sent) === lot)
      .flatMap(([, messages]) => describeFieldError(messages));
  }

  function answerMessages(criterion: number): string[] {
    return Object.entries(errors)
      .filter(([key]) => criterionOfError(key) === criterion)
      .flatMap(([, messages]) => describeFieldError(messages));
  }

  /** Why the firm may not bid (for a lot, when `lot` is given) now, as the tender says. */
  function blockerTexts(actions: TenderFirmActions, lot?: number): string[] {
    return blockersOf(actions, "Bid")
      .filter((b) => lot === undefined || b.args.lot === String(lot))
      .map((b) => refusalText(b.code, b.args) ?? b.code);
  }

  function formView(tender: TenderDto, firm: MyBusinessDto, entry: FirmBid, actions: TenderFirmActions) {
    const submitted = entry.bid?.status === "Submitted";
    const quality = qualityCriteria(tender);
    const lotsOwn = errors.lots ? describeFieldError(errors.lots) : [];
    return html`<form class="bid-form" data-testid="bid-form" @submit=${(e: SubmitEvent) => submit(e, tender, firm)} novalidate>
      <h3>${t("bid.prices")}</h3>
      <p class="muted small">${t("bid.priceHint")}</p>
      ${tender.lots.map((lot) => {
        const id = `bid-price-${lot.number}`;
        const blocked = blockerTexts(actions, lot.number);
        const messages = [...blocked, ...lotMessages(lot.number)];
        return html`<div class="field">
          <label for=${id}>${t("tender.lot", { n: lot.number })} · ${lot.title}</label>
          <span class="with-unit">
            <input id=${id} data-testid=${id} inputmode="decimal" autocomplete="off" .value=${live(form.prices[lot.number] ?? "")}
              ?disabled=${blocked.length > 0}
              @input=${(e: InputEvent) => { form.prices[lot.number] = (e.target as HTMLInputElement).value; dirty = true; }}
              aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${id}-error` : undefined)} />
            <span class="unit">${lot.currency}</span>
          </span>
          ${lot.estimatedValue ? html`<small class="hint">${t("bid.estimated", { value: money(lot.estimatedValue) })}</small>` : nothing}
          ${fieldErrorView(`lots-${lot.number}`, messages, `${id}-error`)}
        </div>`;
      })}
      ${fieldErrorView("lots", lotsOwn)}
      ${quality.length
        ? html`<h3>${t("bid.answers")}</h3>
            ${quality.map((c) => {
              const id = `bid-answer-${c.number}`;
              const messages = answerMessages(c.number);
              return html`<div class="field">
                <label for=${id}>${t("bid.answerFor", { name: c.name, weight: c.weight })}</label>
                <textarea id=${id} data-testid=${id} rows="4" maxlength="8000" .value=${live(form.answers[c.number] ?? "")}
                  @input=${(e: InputEvent) => { form.answers[c.number] = (e.target as HTMLTextAreaElement).value; dirty = true; }}
                  aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${id}-error` : undefined)}></textarea>
                ${fieldErrorView(`answers-${c.number}`, messages, `${id}-error`)}
              </div>`;
            })}`
        : nothing}
      ${documents.view(t("bid.documents"), t("tenderForm.documentsHint"),
        Object.entries(errors).filter(([key]) => key.startsWith("documents")).flatMap(([, m]) => describeFieldError(m)))}
      <p class="muted small">${submitted ? t("bid.resubmitHint") : t("bid.sealedHint")}</p>
      <p class="actions">
        <button type="submit" class="primary" data-testid="submit-bid" ?disabled=${busy || documents.busy()}>
          ${t(busy ? "bid.submitting" : submitted ? "bid.resubmit" : "bid.submit")}</button>
        ${withdrawButton(tender, firm, actions)}
      </p>
    </form>`;
  }

  function withdrawButton(tender: TenderDto, firm: MyBusinessDto, actions: TenderFirmActions) {
    return allows(actions, "Withdraw")
      ? html`<button type="button" class="danger-outline" data-testid="withdraw-bid" ?disabled=${busy}
          @click=${() => void withdraw(tender, firm)}>${t("bid.withdraw")}</button>`
      : nothing;
  }

  function bodyView(tender: TenderDto, firm: MyBusinessDto) {
    const s = tender.status;
    const actions = firmActions(tender, firm.id);
    // Before the bidding window the tender says so as the Bid action's blocker (bid.tooEarly) to the firms that may bid.
    if (s === "Enquiries" && blockersOf(actions, "Bid").some((b) => b.code === "bid.tooEarly"))
      return html`<p class="notice-line" data-testid="bid-not-yet">${t("bid.notYet", {
        from: formatDeadline(tender.enquiryDeadline),
        to: formatDeadline(tender.submissionDeadline),
      })}</p>`;
    const entry = bids.get(firm.id);
    if (!entry) return failed ? loadErrorView() : loadingView();
    const receipt = newest(entry.bid?.receipt, justReceived?.firmId === firm.id ? justReceived.receipt : null);
    if (isOpen(s)) {
      return html`${receipt ? receiptFor(receipt, entry.bid) : nothing}
        ${allows(actions, "Bid")
          ? formView(tender, firm, entry, actions)
          : offers(actions, "Bid")
            ? html`${blockerTexts(actions).map((text) => html`<p class="notice-line" data-testid="bid-blocked">${text}</p>`)}
                <p class="actions">${withdrawButton(tender, firm, actions)}</p>`
            : html`<p class="muted">${t("bid.viewerOnly", { firm: firm.name })}</p>`}`;
    }
    if (!entry.bid && entry.rti)
      return html`<p data-testid="bid-in-rti">${t("bid.inRti", { firm: firm.name, rti: entry.rti.name })}</p>${bidResultView(tender, entry.rti.result)}`;
    if (!entry.bid) return html`<p class="muted" data-testid="bid-none">${t(s === "Cancelled" ? "bid.cancelled" : "bid.none", { firm: firm.name })}</p>`;
    return html`${receipt ? receiptFor(receipt, entry.bid) : nothing}
      ${entry.bid.documents.length
        ? html`<ul class="documents">${entry.bid.documents.map((d) => documentLink(tender.id, d, api.bidDocumentUrl(tender.id, firm.id, d.id)))}</ul>`
        : nothing}
      ${s === "Cancelled" ? html`<p class="muted">${t("bid.cancelled", { firm: firm.name })}</p>` : bidResultView(tender, entry.result)}
      ${answers.view({ tenderId: tender.id, bidderId: firm.id, lead: { id: firm.id, name: firm.name }, canAnswer: firm.role === "Owner" || firm.role === "Manager",
        requests: requests.get(firm.id) ?? [] }, ctx.now())}`;
  }

  return {
    load,
    /** BidChanged for one of the viewer's firms: reload when it is about this tender. */
    changed(tenderId: string): void {
      if (tenderId.toLowerCase() === ctx.tenderId.toLowerCase()) refresh();
    },
    view(tender: TenderDto) {
      const list = firms();
      const firm = current();
      if (!firm || tender.status === "Draft") return nothing;
      return html`<section class="card bid-panel" data-testid="bid-panel" data-firm-id=${firm.id} aria-labelledby="bid-panel-title">
        <h2 id="bid-panel-title">${list.length > 1 ? t("bid.title") : t("bid.titleFor", { firm: firm.name })}</h2>
        ${list.length > 1
          ? html`<div class="field">
              <label for="bid-firm">${t("bid.firm")}</label>
              <select id="bid-firm" data-testid="bid-firm"
                @change=${(e: Event) => {
                  selected = (e.target as HTMLSelectElement).value;
                  status = null;
                  errors = {};
                  dirty = false;
                  const cached = bids.get(selected)?.bid;
                  form = cached ? bidFormFrom(cached) : emptyBidForm();
                  formFor = selected;
                  load();
                  ctx.redraw();
                }}>
                ${list.map((f) => html`<option value=${f.id} ?selected=${f.id === firm.id}>${f.name}</option>`)}
              </select>
            </div>`
          : nothing}
        ${bodyView(tender, firm)}
        <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="bid-status">${status?.text() ?? ""}</p>
      </section>`;
    },
    dispose: () => loadBid.cancel(),
  };
}
