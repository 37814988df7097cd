// The joint bid's subcontracting declarations (JointBidDto.subcontracts): per lot, which work is subcontracted (a
// category of the lot or a work package), its share of the lot and the subcontractor when known (a firm of the
// alliance in the Subcontractor role, a firm named in words, or to be named). Typed by whoever edits the bid and saved
// as a whole from the version read; a save voids the sign-offs. The server refuses a lot's total over the buyer's
// share next to the row that goes over. A newer version from someone else never replaces what the user is typing.
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { FieldErrors } from "../../api/problem";
import type { AllianceDto, JointBidDto, SubcontractDto, TenderDto } from "../../api/types";
import { fieldMessagesAt } from "../../field-errors";
import { currentLanguage, formatNumber, t } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { fieldErrorView } from "../../views";
import { discardMine, edit, isDirty, reapply, reconcile, refused, startDraft, type Draft } from "./stale";
import { nothingToDo, statusView, type Status } from "./status";
import {
  emptyRow,
  rowsOf,
  sameRows,
  subcontractableLots,
  subcontractorFirms,
  subcontractsRequest,
  typedLotSum,
  workChoices,
  type SubcontractRow,
} from "./subcontracts";
import type { WorkspaceContext } from "./workspace-context";

export function subcontractsSection(ws: WorkspaceContext) {
  let draft: Draft<SubcontractRow[]> | null = null;
  let errors: FieldErrors = {};
  /** Rows whose share the form itself could not read as a number. */
  let unreadable: number[] = [];
  let status: Status | null = null;
  let saving = false;

  const current = (bid: JointBidDto) => ({ version: bid.subcontractsVersion, values: rowsOf(bid, currentLanguage()) });

  function entry(bid: JointBidDto): Draft<SubcontractRow[]> {
    if (draft === null) draft = startDraft(bid.subcontractsVersion, rowsOf(bid, currentLanguage()));
    return draft;
  }

  function change(bid: JointBidDto, rows: SubcontractRow[]): void {
    draft = edit(entry(bid), rows);
    // The server's messages name rows by their place: once rows move, they would point at the wrong one.
    errors = {};
    ws.redraw();
  }

  function type(bid: JointBidDto, i: number, patch: Partial<SubcontractRow>): void {
    const rows = [...entry(bid).fields];
    const next = { ...rows[i]!, ...patch };
    // Another lot has other work to choose from.
    if (patch.lot !== undefined && patch.lot !== rows[i]!.lot) next.work = "";
    rows[i] = next;
    draft = edit(entry(bid), rows);
    ws.redraw();
  }

  async function save(event: SubmitEvent, bid: JointBidDto): Promise<void> {
    event.preventDefault();
    if (saving) return;
    const d = entry(bid);
    const { request, invalid } = subcontractsRequest(d.fields, d.version);
    errors = {};
    status = null;
    unreadable = invalid;
    if (invalid.length > 0) {
      ws.redraw();
      return;
    }
    // Saving the same declarations would still void every approval: there is nothing to save.
    if (!isDirty(d, sameRows)) {
      status = nothingToDo(() => t("jointBid.subcontracts.unchanged"), bid);
      ws.redraw();
      return;
    }
    saving = true;
    const outcome = await ws.run(() => api.saveJointBidSubcontracts(ws.allianceId, request), {
      shown: ["subcontracts"],
      sent: request,
      refused: () => {
        saving = false;
        if (draft) draft = refused(draft);
      },
      done: () => t("jointBid.subcontracts.saved"),
    });
    saving = false;
    if (!outcome) return;
    errors = outcome.errors;
    status = outcome;
    const fresh = ws.bid();
    if (outcome.ok && fresh) draft = startDraft(fresh.subcontractsVersion, rowsOf(fresh, currentLanguage()));
    ws.redraw();
  }

  const messages = (i: number, ...fields: string[]) => fields.flatMap((f) => [...fieldMessagesAt(errors, `subcontracts[${i}].${f}`)]);

  function rowView(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto, rows: SubcontractRow[], i: number) {
    const row = rows[i]!;
    const lang = currentLanguage();
    const lots = subcontractableLots(tender);
    const works = row.lot === "" ? [] : workChoices(tender, bid, Number(row.lot), lang);
    const firms = subcontractorFirms(alliance);
    const id = (f: string) => `subcontract-${i}-${f}`;
    const percentMessages = [...(unreadable.includes(i) ? [refusalText("subcontract.percent", {}) ?? ""] : []), ...messages(i, "percent")];
    const lotMessages = messages(i, "lot");
    const workMessages = messages(i, "work", "category", "packageId");
    const whoMessages = messages(i, "firmId", "name");
    return html`<li class="subcontract-row" data-testid="subcontract-row">
      <label for=${id("lot")}>${t("jointBid.subcontracts.lot")}
        <select id=${id("lot")} data-testid="subcontract-lot" aria-invalid=${lotMessages.length ? "true" : "false"}
          @change=${(ev: Event) => type(bid, i, { lot: (ev.target as HTMLSelectElement).value })}>
          ${lots.map((l) => html`<option value=${l.number} ?selected=${row.lot === String(l.number)}>${t("tender.lot", { n: l.number })} · ${l.title} (${t("jointBid.subcontracts.max", { max: l.max })})</option>`)}
        </select>
        ${fieldErrorView(id("lot"), lotMessages)}
      </label>
      <label for=${id("work")}>${t("jointBid.subcontracts.work")}
        <select id=${id("work")} data-testid="subcontract-work" aria-invalid=${workMessages.length ? "true" : "false"}
          @change=${(ev: Event) => type(bid, i, { work: (ev.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${row.work === ""}>${t("jointBid.subcontracts.chooseWork")}</option>
          ${works.map((w) => html`<option value=${w.value} ?selected=${row.work === w.value}>${w.label}</option>`)}
        </select>
        ${fieldErrorView(id("work"), workMessages)}
      </label>
      <label for=${id("percent")}>${t("jointBid.subcontracts.percent")}
        <input id=${id("percent")} data-testid="subcontract-percent" inputmode="decimal" autocomplete="off" size="6"
          .value=${live(row.percent)} aria-invalid=${percentMessages.length ? "true" : "false"}
          @input=${(ev: InputEvent) => type(bid, i, { percent: (ev.target as HTMLInputElement).value })} />
        ${fieldErrorView(id("percent"), percentMessages)}
      </label>
      <label for=${id("who")}>${t("jointBid.subcontracts.who")}
        <select id=${id("who")} data-testid="subcontract-who" aria-invalid=${whoMessages.length ? "true" : "false"}
          @change=${(ev: Event) => type(bid, i, { who: (ev.target as HTMLSelectElement).value })}>
          <option value="later" ?selected=${row.who === "later"}>${t("jointBid.subcontracts.later")}</option>
          ${firms.map((f) => html`<option value=${`firm:${f.id.toLowerCase()}`} ?selected=${row.who === `firm:${f.id.toLowerCase()}`}>${f.name}</option>`)}
          <option value="name" ?selected=${row.who === "name"}>${t("jointBid.subcontracts.other")}</option>
        </select>
        ${fieldErrorView(id("who"), whoMessages)}
      </label>
      ${row.who === "name"
        ? html`<label for=${id("name")}>${t("jointBid.subcontracts.name")}
            <input id=${id("name")} data-testid="subcontract-name" autocomplete="off" maxlength="200" .value=${live(row.name)}
              @input=${(ev: InputEvent) => type(bid, i, { name: (ev.target as HTMLInputElement).value })} />
          </label>`
        : nothing}
      <button type="button" class="link" data-testid="subcontract-remove"
        @click=${() => change(bid, rows.filter((_, k) => k !== i))}>${t("jointBid.subcontracts.remove")}</button>
    </li>`;
  }

  /** A declaration as read: the work, the share and who carries it out. */
  function line(d: SubcontractDto) {
    const lang = currentLanguage();
    const work = d.category ? `${d.category} · ${lang === "it" ? d.categoryIt : d.categoryEn}` : d.packageTitle ?? "";
    const who = d.firm?.name ?? d.name ?? t("jointBid.subcontracts.later");
    return html`<li data-testid="subcontract-declared" data-lot=${d.lot}>
      ${t("jointBid.subcontracts.line", { lot: d.lot, work, percent: formatNumber(d.percent, 2), who })}
    </li>`;
  }

  function sums(tender: TenderDto, rows: SubcontractRow[]) {
    const lots = subcontractableLots(tender).filter((l) => rows.some((r) => r.lot === String(l.number)));
    return lots.map((l) => {
      const sum = typedLotSum(rows, l.number);
      return html`<p class="small" data-testid="subcontract-sum" data-lot=${l.number}>${t("jointBid.subcontracts.sum", {
        lot: l.number,
        sum: sum === null ? "—" : formatNumber(sum, 2),
        max: l.max,
      })}</p>`;
    });
  }

  return {
    /** A newer joint bid: the declarations follow it unless the user is typing (then a stale notice offers theirs again). */
    reconcile(fresh: JointBidDto): void {
      if (draft === null || saving) return;
      const next = reconcile(draft, current(fresh), sameRows);
      if (next !== null && next !== draft) {
        draft = next;
        if (next.mine !== null) errors = {};
      }
    },

    view(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto) {
      const lots = subcontractableLots(tender);
      const editable = ws.editable() && lots.length > 0;
      const head = html`<div class="section-head"><h3 id="joint-subcontracts-title">${t("jointBid.subcontracts.title")}</h3></div>
        <p class="muted small">${t(lots.length ? "jointBid.subcontracts.intro" : "jointBid.subcontracts.noneAllowed")}</p>`;
      if (!editable)
        return html`<section class="card joint-subcontracts" data-testid="subcontracts" data-version=${bid.subcontractsVersion} aria-labelledby="joint-subcontracts-title">
          ${head}
          ${bid.subcontracts.length
            ? html`<ul class="subcontract-lines">${bid.subcontracts.map(line)}</ul>`
            : lots.length ? html`<p class="muted" data-testid="subcontracts-none">${t("jointBid.subcontracts.none")}</p>` : nothing}
        </section>`;
      const d = entry(bid);
      const rows = d.fields;
      return html`<section class="card joint-subcontracts" data-testid="subcontracts" data-version=${bid.subcontractsVersion} aria-labelledby="joint-subcontracts-title">
        ${head}
        <form novalidate @submit=${(ev: SubmitEvent) => void save(ev, bid)}>
          ${d.mine !== null
            ? html`<div class="alert warn stale-notice" data-testid="subcontracts-stale" role="alert">
                <p><strong>${t("jointBid.subcontracts.stale")}</strong></p>
                <p class="small">${t("jointBid.quotas.staleMine")}</p>
                <p class="actions">
                  <button type="button" data-testid="reapply-subcontracts" @click=${() => { draft = reapply(d); ws.redraw(); }}>${t("jointBid.stale.reapply")}</button>
                  <button type="button" class="link" @click=${() => { draft = discardMine(d); ws.redraw(); }}>${t("jointBid.stale.discard")}</button>
                </p>
              </div>`
            : nothing}
          ${rows.length
            ? html`<ol class="subcontract-rows">${rows.map((_, i) => rowView(bid, tender, alliance, rows, i))}</ol>`
            : html`<p class="muted" data-testid="subcontracts-none">${t("jointBid.subcontracts.none")}</p>`}
          ${sums(tender, rows)}
          <p class="actions">
            <button type="button" data-testid="subcontract-add" @click=${() => change(bid, [...rows, emptyRow(lots[0]?.number)])}>${t("jointBid.subcontracts.add")}</button>
            <button type="submit" class="primary" data-testid="save-subcontracts" ?disabled=${ws.busy()}>${t("jointBid.subcontracts.save")}</button>
          </p>
          ${statusView(status, bid, "subcontracts-status")}
        </form>
      </section>`;
    },
  };
}
