// The joint bid's participation and execution quotas (JointBidDto.quotas), per lot and bidding firm: typed by whoever
// edits the bid and saved as a whole from the version read. Saved quotas are part of what the firms sign, so a save
// voids the sign-offs. The server's warnings (a quota other than the work packages' share, …) are listed before
// signing; they stop nothing. A newer version from someone else never replaces what the user is typing (stale.ts).
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { FieldErrors } from "../../api/problem";
import type { AllianceDto, JointBidDto, TenderDto } from "../../api/types";
import { fieldMessagesAt } from "../../field-errors";
import { currentLanguage, formatNumber, t } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { fieldErrorView } from "../../views";
import { cellKey, biddingFirms, fieldsOf, quotaLots, quotasRequest, sameQuotas, typedSum, type QuotaCell, type QuotaFields, type QuotaRow } from "./quotas";
import { discardMine, edit, isDirty, reapply, reconcile, refused, startDraft, type Draft } from "./stale";
import { nothingToDo, statusView, type Status } from "./status";
import type { WorkspaceContext } from "./workspace-context";

export function quotasSection(ws: WorkspaceContext) {
  let draft: Draft<QuotaFields> | null = null;
  let errors: FieldErrors = {};
  /** The rows last sent, so that the server's `quotas[i]` names the cell it is about. */
  let sentRows: QuotaRow[] = [];
  /** Cells the form itself could not read as numbers (`lot|firm|kind`). */
  let unreadable: string[] = [];
  let status: Status | null = null;
  let saving = false;

  const current = (bid: JointBidDto) => ({ version: bid.quotasVersion, values: fieldsOf(bid, currentLanguage()) });

  function entry(bid: JointBidDto): Draft<QuotaFields> {
    if (draft === null) draft = startDraft(bid.quotasVersion, fieldsOf(bid, currentLanguage()));
    return draft;
  }

  function type(bid: JointBidDto, lot: number, firmId: string, kind: keyof QuotaCell, value: string): void {
    const d = entry(bid);
    const key = cellKey(lot, firmId);
    const cell = d.fields[key] ?? { participation: "", execution: "" };
    draft = edit(d, { ...d.fields, [key]: { ...cell, [kind]: value } });
    ws.redraw();
  }

  async function save(event: SubmitEvent, bid: JointBidDto, alliance: AllianceDto): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const d = entry(bid);
    const lots = quotaLots(bid);
    const firms = biddingFirms(alliance);
    const { request, rows, invalid } = quotasRequest(d.fields, d.version, lots, firms);
    errors = {};
    status = null;
    unreadable = invalid;
    if (invalid.length > 0) {
      ws.redraw();
      return;
    }
    // Saving the same quotas would still void every approval: there is nothing to save.
    if (!isDirty(d, sameQuotas)) {
      status = nothingToDo(() => t("jointBid.quotas.unchanged"), bid);
      ws.redraw();
      return;
    }
    saving = true;
    sentRows = rows;
    const outcome = await ws.run(() => api.saveJointBidQuotas(ws.allianceId, request), {
      // Every row's errors are shown next to its cells (a row's lot or firm next to its participation).
      shown: ["quotas"],
      sent: request,
      refused: () => {
        saving = false;
        if (draft) draft = refused(draft);
      },
      done: () => t("jointBid.quotas.saved"),
    });
    saving = false;
    if (!outcome) return;
    errors = outcome.errors;
    status = outcome;
    const fresh = ws.bid();
    if (outcome.ok && fresh) draft = startDraft(fresh.quotasVersion, fieldsOf(fresh, currentLanguage()));
    ws.redraw();
  }

  /** The server's messages for one cell, by the row it was sent as. */
  function cellMessages(lot: number, firmId: string, kind: keyof QuotaCell): string[] {
    const key = cellKey(lot, firmId);
    const own = unreadable.includes(`${key}|${kind}`) ? [refusalText("quota.percent", {}) ?? ""] : [];
    const i = sentRows.findIndex((r) => cellKey(r.lot, r.firmId) === key);
    if (i < 0) return own;
    const field = [...fieldMessagesAt(errors, `quotas[${i}].${kind}`)];
    if (kind === "participation") field.push(...fieldMessagesAt(errors, `quotas[${i}].lot`), ...fieldMessagesAt(errors, `quotas[${i}].firmId`));
    return [...own, ...field];
  }

  function cellInput(bid: JointBidDto, fields: QuotaFields, lot: number, firm: { id: string; name: string }, kind: keyof QuotaCell) {
    const id = `quota-${lot}-${firm.id}-${kind}`;
    const messages = cellMessages(lot, firm.id, kind);
    const label = `${t(kind === "participation" ? "jointBid.quotas.participation" : "jointBid.quotas.execution")} · ${firm.name}`;
    return html`<td class="num" data-label=${t(kind === "participation" ? "jointBid.quotas.participation" : "jointBid.quotas.execution")}>
      <span class="quota-cell">
        <input id=${id} data-testid="quota-${kind}" inputmode="decimal" autocomplete="off" size="6" aria-label=${label}
          .value=${live(fields[cellKey(lot, firm.id)]?.[kind] ?? "")} aria-invalid=${messages.length ? "true" : "false"}
          @input=${(ev: InputEvent) => type(bid, lot, firm.id, kind, (ev.target as HTMLInputElement).value)} />
        ${fieldErrorView(id, messages)}
      </span>
    </td>`;
  }

  function packagesShare(bid: JointBidDto, lot: number, firmId: string): string {
    const inLot = bid.workPackages.filter((p) => p.lot === lot);
    const total = inLot.reduce((s, p) => s + p.price.amount, 0);
    if (total === 0) return "—";
    const own = inLot.filter((p) => p.firm.id.toLowerCase() === firmId.toLowerCase()).reduce((s, p) => s + p.price.amount, 0);
    return `${formatNumber((own * 100) / total, 2)} %`;
  }

  function lotTable(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto, lot: number, editable: boolean, fields: QuotaFields) {
    const firms = biddingFirms(alliance);
    const title = tender.lots.find((l) => l.number === lot)?.title ?? "";
    const declared = (firmId: string) => bid.quotas.find((q) => q.lot === lot && q.firm.id.toLowerCase() === firmId.toLowerCase());
    const sum = (kind: keyof QuotaCell) => {
      const value = editable ? typedSum(fields, lot, firms, kind) : bid.quotas.filter((q) => q.lot === lot).reduce((s, q) => s + q[kind], 0);
      return value === null ? "—" : `${formatNumber(value, 2)} %`;
    };
    return html`<div class="quota-lot" data-testid="quota-lot" data-lot=${lot}>
      <h4>${t("tender.lot", { n: lot })}${title ? ` · ${title}` : ""}</h4>
      <table class="quota-table phone-cards" data-testid="quota-table">
        <thead><tr>
          <th scope="col">${t("jointBid.quotas.firm")}</th>
          <th scope="col" class="num">${t("jointBid.quotas.participation")}</th>
          <th scope="col" class="num">${t("jointBid.quotas.execution")}</th>
          <th scope="col" class="num">${t("jointBid.quotas.packages")}</th>
        </tr></thead>
        <tbody>
          ${firms.map((f) => {
            const q = declared(f.id);
            return html`<tr data-testid="quota-row" data-firm-id=${f.id}>
              <th scope="row" data-label=${t("jointBid.quotas.firm")}><span>${f.name}${f.lead ? html` <span class="badge">${t("qualification.lead")}</span>` : nothing}</span></th>
              ${editable
                ? html`${cellInput(bid, fields, lot, f, "participation")}${cellInput(bid, fields, lot, f, "execution")}`
                : q
                  ? html`<td class="num" data-label=${t("jointBid.quotas.participation")}><span data-testid="quota-participation-value">${formatNumber(q.participation, 2)} %</span></td>
                      <td class="num" data-label=${t("jointBid.quotas.execution")}><span data-testid="quota-execution-value">${formatNumber(q.execution, 2)} %</span></td>`
                  : html`<td class="muted" colspan="2" data-label=${t("jointBid.quotas.participation")}><span>${t("jointBid.quotas.notInLot")}</span></td>`}
              <td class="num muted" data-label=${t("jointBid.quotas.packages")}><span>${packagesShare(bid, lot, f.id)}</span></td>
            </tr>`;
          })}
        </tbody>
        <tfoot><tr>
          <th scope="row" data-label="">${t("jointBid.quotas.total")}</th>
          <td class="num" data-label=${t("jointBid.quotas.participation")}><span data-testid="quota-sum-participation">${sum("participation")}</span></td>
          <td class="num" data-label=${t("jointBid.quotas.execution")}><span data-testid="quota-sum-execution">${sum("execution")}</span></td>
          <td data-label=""></td>
        </tr></tfoot>
      </table>
    </div>`;
  }

  return {
    /** A newer joint bid: the quotas follow it unless the user is typing (then a stale notice offers theirs again). */
    reconcile(fresh: JointBidDto): void {
      if (draft === null || saving) return;
      const next = reconcile(draft, current(fresh), sameQuotas);
      if (next !== null && next !== draft) {
        draft = next;
        if (next.mine !== null) errors = {};
      }
    },

    view(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto) {
      const lots = quotaLots(bid);
      const editable = ws.editable();
      const d = editable ? entry(bid) : null;
      const fields = d?.fields ?? fieldsOf(bid, currentLanguage());
      const warnings = bid.quotaWarnings;
      const body = html`${lots.length === 0
        ? html`<p class="muted" data-testid="quotas-none">${t("jointBid.quotas.none")}</p>`
        : lots.map((lot) => lotTable(bid, tender, alliance, lot, editable, fields))}
        ${warnings.length
          ? html`<div class="alert warn" data-testid="quota-warnings">
              <p><strong>${t("jointBid.quotas.warnings")}</strong></p>
              <ul>${warnings.map((w) => html`<li data-testid="quota-warning" data-code=${w.code} data-lot=${w.lot}>${refusalText(w.code, w.args) ?? w.code}</li>`)}</ul>
            </div>`
          : nothing}`;
      return html`<section class="card joint-quotas" data-testid="quotas" data-version=${bid.quotasVersion} aria-labelledby="joint-quotas-title">
        <div class="section-head">
          <h3 id="joint-quotas-title">${t("jointBid.quotas.title")}</h3>
        </div>
        <p class="muted small">${t("jointBid.quotas.intro")}</p>
        ${editable && lots.length > 0
          ? html`<form novalidate @submit=${(ev: SubmitEvent) => void save(ev, bid, alliance)}>
              ${d!.mine !== null
                ? html`<div class="alert warn stale-notice" data-testid="quotas-stale" role="alert">
                    <p><strong>${t("jointBid.quotas.stale")}</strong></p>
                    <p class="small">${t("jointBid.quotas.staleMine")}</p>
                    <p class="actions">
                      <button type="button" data-testid="reapply-quotas" @click=${() => { draft = reapply(d!); ws.redraw(); }}>${t("jointBid.stale.reapply")}</button>
                      <button type="button" class="link" @click=${() => { draft = discardMine(d!); ws.redraw(); }}>${t("jointBid.stale.discard")}</button>
                    </p>
                  </div>`
                : nothing}
              ${body}
              <p class="actions">
                <button type="submit" class="primary" data-testid="save-quotas" ?disabled=${ws.busy()}>${t("jointBid.quotas.save")}</button>
              </p>
              ${statusView(status, bid, "quotas-status")}
            </form>`
          : body}
      </section>`;
    },
  };
}
