// The joint bid's reliances (avvalimento, JointBidDto.reliances): an auxiliary firm of the space lends a bidding firm a
// works category up to a class, for a lot whose requirements allow it. Declared by whoever edits the bid (the lead for
// any firm, a member for itself); each one is part of what the firms sign, so a save voids the sign-offs. The
// auxiliary answers for the contract jointly with the firm it lends to, and the section says so next to it.
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { FieldErrors } from "../../api/problem";
import type { AllianceDto, JointBidDto, TenderDto } from "../../api/types";
import { fieldMessagesAt } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { href } from "../../router";
import { fieldErrorView } from "../../views";
import { biddingFirms } from "./quotas";
import { addedRequest, avvalimentoLots, contractRequest, emptyReliance, lotCategories, relianceWhat, removedRequest, type RelianceForm } from "./reliances";
import { statusView, type Status } from "./status";
import type { WorkspaceContext } from "./workspace-context";

const classes = ["I", "II", "III", "IIIBis", "IV", "IVBis", "V", "VI", "VII", "VIII"] as const;
const classLabel = (c: string) => c.replace("Bis", "-bis");

export function reliancesSection(ws: WorkspaceContext) {
  let form: RelianceForm = emptyReliance();
  let errors: FieldErrors = {};
  let status: Status | null = null;
  /** The space's member firms, read once when the form is first shown: the auxiliaries to choose from. */
  let spaceFirms: { id: string; name: string }[] | null = null;
  let loading = false;

  async function loadFirms(alliance: AllianceDto): Promise<void> {
    if (spaceFirms !== null || loading) return;
    loading = true;
    try {
      const bidders = new Set(alliance.members.map((m) => m.firmId.toLowerCase()));
      spaceFirms = (await api.spaceMembers(alliance.space.id))
        .filter((f) => f.kind === "Firm" && !bidders.has(f.id.toLowerCase()))
        .map((f) => ({ id: f.id, name: f.name }));
    } catch {
      spaceFirms = [];
    } finally {
      loading = false;
      ws.redraw();
    }
  }

  async function add(event: SubmitEvent, bid: JointBidDto, tender: TenderDto): Promise<void> {
    event.preventDefault();
    const request = addedRequest(bid, tender, form);
    const at = `reliances[${request.reliances!.length - 1}]`;
    const outcome = await ws.run(() => api.saveJointBidReliances(ws.allianceId, request), {
      shown: [`${at}.lot`, `${at}.relyingFirmId`, `${at}.auxiliaryId`, `${at}.category`, `${at}.class`],
      sent: request,
      done: () => t("jointBid.reliances.saved"),
    });
    if (!outcome) return;
    errors = Object.fromEntries(Object.entries(outcome.errors).map(([k, v]) => [k.replace(at, "new"), v]));
    status = outcome;
    if (outcome.ok) form = emptyReliance();
    ws.redraw();
  }

  /** Links (or unlinks) one reliance's avvalimento contract: a change of what the firms sign, and of what the auxiliary signs. */
  async function linkContract(bid: JointBidDto, index: number, contractId: string): Promise<void> {
    const request = contractRequest(bid, index, contractId);
    const outcome = await ws.run(() => api.saveJointBidReliances(ws.allianceId, request), {
      shown: [`reliances[${index}].contractId`],
      sent: request,
      done: () => t("jointBid.reliances.contractSaved"),
    });
    if (outcome) status = outcome;
    ws.redraw();
  }

  /** Where the reliance stands with its auxiliary, and (for whoever edits) the contract to link from the bid's documents. */
  function standingView(bid: JointBidDto, r: JointBidDto["reliances"][number], i: number, editable: boolean) {
    const when = r.answeredAt ? formatDateTime(r.answeredAt) : "";
    const state = r.status ?? "NoContract";
    return html`<div class="reliance-standing">
      <span class="badge ${state === "Committed" ? "complete" : state === "Declined" ? "warn" : "pending"}" data-testid="reliance-status"
        data-status=${state}>${t(`jointBid.reliances.status.${state}`, { when })}</span>
      ${editable
        ? html`<label class="small" for="reliance-contract-${i}">${t("jointBid.reliances.contract")}</label>
            <select id="reliance-contract-${i}" data-testid="reliance-contract" ?disabled=${ws.busy()}
              @change=${(e: Event) => void linkContract(bid, i, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!r.contract}>${t("jointBid.reliances.contractNone")}</option>
              ${bid.documents.map((d) => html`<option value=${d.document.id} ?selected=${r.contract?.id === d.document.id}>${d.document.name}</option>`)}
            </select>`
        : r.contract
          ? html`<span class="small">${t("jointBid.reliances.contract")}: ${r.contract.name}</span>`
          : nothing}
    </div>`;
  }

  async function remove(bid: JointBidDto, index: number): Promise<void> {
    const outcome = await ws.run(() => api.saveJointBidReliances(ws.allianceId, removedRequest(bid, index)), {
      done: () => t("jointBid.reliances.removed"),
    });
    if (outcome) status = outcome;
    ws.redraw();
  }

  function select(id: string, field: keyof RelianceForm, label: string, options: { value: string; text: string }[]) {
    const messages = fieldMessagesAt(errors, `new.${field}`);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} data-testid=${id} .value=${live(form[field])} aria-invalid=${messages.length ? "true" : "false"}
        @change=${(e: Event) => {
          form = { ...form, [field]: (e.target as HTMLSelectElement).value };
          ws.redraw();
        }}>
        <option value="" ?selected=${form[field] === ""}>${t("jointBid.reliances.choose")}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === form[field]}>${o.text}</option>`)}
      </select>
      ${fieldErrorView(id, messages)}
    </div>`;
  }

  function formView(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto) {
    void loadFirms(alliance);
    const lots = avvalimentoLots(tender);
    const lot = Number(form.lot);
    return html`<form class="reliance-form" novalidate data-testid="reliance-form" @submit=${(ev: SubmitEvent) => void add(ev, bid, tender)}>
      <h4>${t("jointBid.reliances.add")}</h4>
      <div class="row">
        ${select("reliance-lot", "lot", t("jointBid.reliances.lot"), lots.map((l) => ({ value: String(l.number), text: `${t("tender.lot", { n: l.number })} · ${l.title}` })))}
        ${select("reliance-firm", "relyingFirmId", t("jointBid.reliances.relyingFirm"), biddingFirms(alliance).map((f) => ({ value: f.id, text: f.name })))}
      </div>
      <div class="row">
        ${select("reliance-auxiliary", "auxiliaryId", t("jointBid.reliances.auxiliary"), (spaceFirms ?? []).map((f) => ({ value: f.id, text: f.name })))}
        ${select("reliance-category", "category", t("jointBid.reliances.category"), (form.lot ? lotCategories(tender, lot) : []).map((c) => ({ value: c, text: c })))}
        ${select("reliance-class", "class", t("jointBid.reliances.class"), classes.map((c) => ({ value: c, text: classLabel(c) })))}
      </div>
      <p class="actions"><button type="submit" class="primary" data-testid="save-reliance" ?disabled=${ws.busy()}>${t("jointBid.reliances.save")}</button></p>
      ${statusView(status, bid, "reliances-status")}
    </form>`;
  }

  return {
    view(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto) {
      const lots = avvalimentoLots(tender);
      // A tender none of whose lots allows avvalimento has nothing to declare: the section says nothing.
      if (lots.length === 0 && bid.reliances.length === 0) return nothing;
      const editable = ws.editable();
      return html`<section class="card joint-reliances" data-testid="reliances" aria-labelledby="joint-reliances-title">
        <h3 id="joint-reliances-title">${t("jointBid.reliances.title")}</h3>
        <p class="muted small">${t("jointBid.reliances.intro")}</p>
        ${bid.reliances.length === 0
          ? html`<p class="muted" data-testid="reliances-none">${t("jointBid.reliances.none")}</p>`
          : html`<ul class="reliance-list">
              ${bid.reliances.map(
                (r, i) => html`<li data-testid="reliance" data-lot=${r.lot}>
                  <span>${t("jointBid.reliances.line", {
                    lot: r.lot,
                    auxiliary: r.auxiliary.name,
                    what: relianceWhat(r),
                    firm: r.relyingFirm.name,
                  })}</span>
                  <span class="badge" data-testid="reliance-liable">${t("jointBid.reliances.jointlyLiable")}</span>
                  ${standingView(bid, r, i, editable)}
                  ${editable
                    ? html`<button type="button" class="link" data-testid="remove-reliance" ?disabled=${ws.busy()} @click=${() => void remove(bid, i)}>
                        ${t("jointBid.reliances.remove")}</button>`
                    : nothing}
                </li>`,
              )}
            </ul>
            <p class="muted small" data-testid="reliances-auxiliary-link">${t("jointBid.reliances.auxiliaryLink")}:
              <a href=${href({ name: "lending", id: ws.allianceId })}>${location.origin}${location.pathname}${href({ name: "lending", id: ws.allianceId })}</a></p>`}
        ${editable && lots.length > 0 ? formView(bid, tender, alliance) : nothing}
      </section>`;
    },
  };
}
