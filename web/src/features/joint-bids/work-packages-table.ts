// The work packages, grouped by lot with each lot's subtotal and the grand total; for the editors, each package
// edited in place, deleted, and new ones added. Each form is a draft of one package (stale.ts): a newer joint bid
// from anyone touches only the drafts of packages that changed, and never drops what the user typed. A package is its
// firm's (its owner): the server says per package what the viewer may do (edit and delete for the owner's people, give
// to another firm for the lead's), and the table offers exactly that.
import type { FieldErrors } from "../../api/problem";
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { AllianceDto, JointBidDto, SaveWorkPackageRequest, TenderDto, WorkPackageDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { t, tn } from "../../i18n";
import { href } from "../../router";
import { fieldErrorView } from "../../views";
import { membersInOrder } from "../alliances/alliance-rules";
import { roleInText } from "../alliances/alliance-views";
import { centsOf, formatCents, parsePrice } from "./money";
import { sameId } from "../../ids";
import { grandTotals, lotGroups } from "./lots";
import { packageControls } from "./package-controls";
import { buildPackageRequest, newPackageFields, packageFields, samePackage, type PackageFields } from "./package-form";
import { discardMine, edit, isDirty, reapply, reconcile, refused, startDraft, type Draft } from "./stale";
import { failed, nothingToDo, statusView, type Status } from "./status";
import type { WorkspaceContext } from "./workspace-context";

/** The add form's key among the drafts (the others are keyed by package id, in lower case). */
const NEW = "new";

const SHOWN = ["title", "lot", "firmId", "price", "description"] as const;

interface PackageEdit {
  /** The package edited; null for a new one. */
  id: string | null;
  draft: Draft<PackageFields>;
  errors: FieldErrors;
  sent: SaveWorkPackageRequest | undefined;
  status: Status | null;
}

export function workPackagesTable(ws: WorkspaceContext) {
  const edits = new Map<string, PackageEdit>();
  /** The draft whose save is on its way: a reload in the meantime leaves it alone (the answer decides). */
  let saving: string | null = null;
  let status: Status | null = null;
  /** The package just deleted, to add it again from its values. */
  let deleted: { title: string; fields: PackageFields } | null = null;

  const keyOf = (p: Pick<WorkPackageDto, "id">): string => p.id.toLowerCase();

  function openEdit(p: WorkPackageDto): void {
    edits.set(keyOf(p), { id: p.id, draft: startDraft(p.version, packageFields(p)), errors: {}, sent: undefined, status: null });
    status = null;
    ws.redraw();
    queueMicrotask(() => document.getElementById(`package-title-${keyOf(p)}`)?.focus());
  }

  function openNew(fields?: PackageFields): void {
    const tender = ws.tender();
    const bid = ws.bid();
    if (!tender || !bid) return;
    // The viewer's own firm first: most add their own work.
    const firm = bid.viewerFirms[0]?.firmId ?? "";
    const values = fields ?? newPackageFields(tender.lots.length === 1 ? tender.lots[0]!.number : null, firm);
    edits.set(NEW, { id: null, draft: startDraft(0, values), errors: {}, sent: undefined, status: null });
    ws.redraw();
    queueMicrotask(() => document.getElementById(`package-title-${NEW}`)?.focus());
  }

  function change(key: string, patch: Partial<PackageFields>): void {
    const e = edits.get(key);
    if (e) e.draft = edit(e.draft, { ...e.draft.fields, ...patch });
  }

  async function save(event: SubmitEvent, key: string): Promise<void> {
    event.preventDefault();
    const e = edits.get(key);
    const tender = ws.tender();
    const bid = ws.bid();
    if (!e || !tender || !bid || saving) return;
    const target = { id: e.draft.gone ? null : e.id, version: e.draft.version };
    const built = buildPackageRequest(target, e.draft.fields, tender.lots);
    e.sent = built.body;
    e.errors = built.errors;
    e.status = null;
    if (Object.keys(built.errors).length > 0) {
      e.status = failed(() => t("form.invalid"));
      ws.redraw();
      return;
    }
    // Saving the same values would still void every approval: there is nothing to save.
    if (target.id !== null && !isDirty(e.draft, samePackage)) {
      edits.delete(key);
      status = nothingToDo(() => t("jointBid.packages.unchanged"), bid);
      ws.redraw();
      return;
    }
    saving = key;
    const title = built.body.title ?? "";
    const outcome = await ws.run(() => api.saveWorkPackage(ws.allianceId, built.body), {
      shown: SHOWN,
      sent: built.body,
      refused: () => {
        saving = null;
        const current = edits.get(key);
        if (current) current.draft = refused(current.draft);
      },
      done: () => t(target.id === null ? "jointBid.packages.added" : "jointBid.packages.saved", { title }),
    });
    saving = null;
    if (!outcome) return;
    const current = edits.get(key);
    if (outcome.ok) {
      edits.delete(key);
      status = outcome;
      deleted = null;
    } else if (current) {
      current.errors = outcome.errors;
      current.status = outcome;
    }
    ws.redraw();
  }

  async function remove(p: WorkPackageDto): Promise<void> {
    status = null;
    const fields = packageFields(p);
    const outcome = await ws.run(() => api.deleteWorkPackage(ws.allianceId, p.id, p.version), {
      done: () => t("jointBid.packages.deleted", { title: p.title }),
    });
    if (!outcome) return;
    status = outcome;
    deleted = outcome.ok ? { title: p.title, fields } : null;
    ws.redraw();
  }

  /**
   * The lead gives another firm's package, as it is, to a firm of the alliance: the same save, with only the firm
   * changed (the server refuses any other change from someone who does not own the package).
   */
  async function reassign(p: WorkPackageDto, firmId: string): Promise<void> {
    const tender = ws.tender();
    if (!tender || sameId(firmId, p.firm.id)) return;
    status = null;
    const built = buildPackageRequest({ id: p.id, version: p.version }, { ...packageFields(p), firmId }, tender.lots);
    const firm = ws.bid()?.packageFirms.find((f) => sameId(f.id, firmId))?.name ?? "";
    const outcome = await ws.run(() => api.saveWorkPackage(ws.allianceId, built.body), {
      done: () => t("jointBid.packages.reassigned", { title: p.title, firm }),
    });
    if (!outcome) return;
    status = outcome;
    ws.redraw();
  }

  /** The user's kept-aside values, as they would read them: to decide whether to re-apply them. */
  function mineView(mine: PackageFields, alliance: AllianceDto, tender: TenderDto) {
    const firm = alliance.members.find((m) => sameId(m.firmId, mine.firmId));
    const lot = tender.lots.find((l) => String(l.number) === mine.lot);
    const price = parsePrice(mine.price);
    return html`<dl class="mine-values" data-testid="mine-values">
      <div><dt>${t("jointBid.packages.col.title")}</dt><dd data-testid="mine-title">${mine.title}</dd></div>
      <div><dt>${t("jointBid.packages.col.firm")}</dt><dd>${firm?.name ?? "—"}</dd></div>
      <div><dt>${t("jointBid.packages.lot")}</dt><dd>${lot ? `${t("tender.lot", { n: lot.number })} · ${lot.title}` : "—"}</dd></div>
      <div><dt>${t("jointBid.packages.col.price")}</dt>
        <dd data-testid="mine-price">${"cents" in price ? formatCents(price.cents, lot?.currency ?? "") : mine.price}</dd></div>
      ${mine.description.trim() ? html`<div class="wide"><dt>${t("jointBid.packages.description")}</dt><dd class="pre">${mine.description}</dd></div>` : nothing}
    </dl>`;
  }

  function formView(key: string, e: PackageEdit, alliance: AllianceDto, tender: TenderDto) {
    const f = e.draft.fields;
    const id = (name: string) => `package-${name}-${key}`;
    const messages = (field: string) => fieldMessages(e.errors, field);
    const aria = (field: string) => {
      const m = messages(field);
      return { invalid: m.length ? "true" : "false", describedby: m.length ? `${id(field)}-error` : undefined };
    };
    // The firms work may go to, as the server judges a save (the alliance's active firms), in the members' order.
    const firms = membersInOrder(alliance.members.filter((m) => ws.bid()?.packageFirms.some((f) => sameId(f.id, m.firmId))));
    const lot = tender.lots.find((l) => String(l.number) === f.lot);
    const busy = ws.busy();
    // A choice of lot changes the price's currency on screen; what is typed needs no redraw.
    const field = (name: keyof PackageFields, redraw = false) => (ev: Event) => {
      change(key, { [name]: (ev.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value });
      if (redraw) ws.redraw();
    };
    const title = aria("title");
    const firm = aria("firmId");
    const lotAria = aria("lot");
    const price = aria("price");
    const description = aria("description");
    return html`<form class="package-form" data-testid="package-form" data-package-id=${e.id ?? NEW} novalidate
      @submit=${(ev: SubmitEvent) => void save(ev, key)}>
      ${e.draft.mine
        ? html`<div class="alert warn stale-notice" data-testid="stale-notice" role="alert">
            <p><strong>${t("jointBid.packages.stale")}</strong></p>
            <p class="small">${t("jointBid.packages.staleMine")}</p>
            ${mineView(e.draft.mine, alliance, tender)}
            <p class="actions">
              <button type="button" data-testid="reapply-mine" @click=${() => { e.draft = reapply(e.draft); ws.redraw(); }}>
                ${t("jointBid.stale.reapply")}</button>
              <button type="button" class="link" data-testid="discard-mine" @click=${() => { e.draft = discardMine(e.draft); ws.redraw(); }}>
                ${t("jointBid.stale.discard")}</button>
            </p>
          </div>`
        : nothing}
      ${e.draft.gone
        ? html`<div class="alert warn" data-testid="package-gone" role="alert"><p>${t("jointBid.packages.gone")}</p></div>`
        : nothing}
      <div class="package-fields">
        <div class="field f-title">
          <label for=${id("title")}>${t("jointBid.packages.col.title")}</label>
          <input id=${id("title")} data-testid="package-title" autocomplete="off" .value=${live(f.title)}
            @input=${field("title")} aria-invalid=${title.invalid} aria-describedby=${ifDefined(title.describedby)} />
          ${fieldErrorView("title", messages("title"), `${id("title")}-error`)}
        </div>
        <div class="field f-firm">
          <label for=${id("firmId")}>${t("jointBid.packages.col.firm")}</label>
          <select id=${id("firmId")} data-testid="package-firm" @change=${field("firmId", true)}
            aria-invalid=${firm.invalid} aria-describedby=${ifDefined(firm.describedby)}>
            ${f.firmId === "" || !firms.some((m) => sameId(m.firmId, f.firmId))
              ? html`<option value="" ?selected=${true}>${t("jointBid.packages.chooseFirm")}</option>`
              : nothing}
            ${firms.map((m) => html`<option value=${m.firmId} ?selected=${sameId(m.firmId, f.firmId)}>${m.name} (${roleInText(m.role)})</option>`)}
          </select>
          ${fieldErrorView("firmId", messages("firmId"), `${id("firmId")}-error`)}
        </div>
        <div class="field f-lot">
          <label for=${id("lot")}>${t("jointBid.packages.lot")}</label>
          <select id=${id("lot")} data-testid="package-lot" @change=${field("lot", true)}
            aria-invalid=${lotAria.invalid} aria-describedby=${ifDefined(lotAria.describedby)}>
            ${lot ? nothing : html`<option value="" ?selected=${true}>${t("jointBid.packages.chooseLot")}</option>`}
            ${tender.lots.map((l) => html`<option value=${String(l.number)} ?selected=${String(l.number) === f.lot}>${t("tender.lot", { n: l.number })} · ${l.title}</option>`)}
          </select>
          ${fieldErrorView("lot", messages("lot"), `${id("lot")}-error`)}
        </div>
        <div class="field f-price">
          <label for=${id("price")}>${t("jointBid.packages.col.price")}</label>
          <span class="with-unit">
            <input id=${id("price")} data-testid="package-price" inputmode="decimal" autocomplete="off" .value=${live(f.price)}
              @input=${field("price")} aria-invalid=${price.invalid} aria-describedby=${ifDefined(price.describedby)} />
            <span class="unit">${lot?.currency ?? ""}</span>
          </span>
          ${fieldErrorView("price", messages("price"), `${id("price")}-error`)}
        </div>
        <div class="field f-description">
          <label for=${id("description")}>${t("jointBid.packages.description")}</label>
          <textarea id=${id("description")} data-testid="package-description" rows="3" .value=${live(f.description)}
            @input=${field("description")} aria-invalid=${description.invalid}
            aria-describedby=${ifDefined(description.describedby)}></textarea>
          ${fieldErrorView("description", messages("description"), `${id("description")}-error`)}
        </div>
      </div>
      <p class="actions">
        <button type="submit" class="primary" data-testid="save-package" ?disabled=${busy}>
          ${t(e.id === null || e.draft.gone ? "jointBid.packages.add" : "jointBid.packages.save")}</button>
        <button type="button" data-testid="cancel-edit" ?disabled=${saving === key}
          @click=${() => { edits.delete(key); ws.redraw(); }}>${t("jointBid.packages.cancel")}</button>
      </p>
      ${statusView(e.status, ws.bid(), "package-status")}
    </form>`;
  }

  /** The lead's choice of another firm for a package it does not own (its own packages are given away from their form). */
  function reassignView(p: WorkPackageDto) {
    const firms = ws.bid()?.packageFirms ?? [];
    const id = `package-reassign-${keyOf(p)}`;
    return html`<span class="package-reassign">
      <label for=${id} class="small muted">${t("jointBid.packages.giveTo")}</label>
      <select id=${id} data-testid="reassign-package" data-package-id=${p.id} ?disabled=${ws.busy()}
        aria-label=${t("jointBid.packages.reassignTo", { title: p.title })}
        @change=${(ev: Event) => void reassign(p, (ev.target as HTMLSelectElement).value)}>
        ${firms.map((f) => html`<option value=${f.id} ?selected=${sameId(f.id, p.firm.id)}>${f.name}</option>`)}
      </select>
    </span>`;
  }

  function rowView(p: WorkPackageDto, alliance: AllianceDto, tender: TenderDto, editable: boolean, columns: number) {
    const e = edits.get(keyOf(p));
    const mine = alliance.myFirms.some((f) => sameId(f, p.firm.id));
    const controls = packageControls(p);
    if (e && editable && controls.edit)
      return html`<tr data-testid="work-package" data-package-id=${p.id} data-version=${p.version} data-lot=${p.lot} data-editing="true"
        class="editing"><td colspan=${columns} data-label="">${formView(keyOf(p), e, alliance, tender)}</td></tr>`;
    return html`<tr data-testid="work-package" data-package-id=${p.id} data-version=${p.version} data-lot=${p.lot} data-firm-id=${p.firm.id}
      class=${mine ? "mine" : ""}>
      <td class="package-main" data-label=${t("jointBid.packages.col.title")}>
        <span>
          <strong class="package-title" data-testid="package-title-text">${p.title}</strong>
          ${p.description ? html`<span class="package-description muted small" data-testid="package-description-text">${p.description}</span>` : nothing}
        </span>
      </td>
      <td data-label=${t("jointBid.packages.col.firm")}>
        <span><a href=${href({ name: "business", id: p.firm.id.toLowerCase() })} data-testid="package-firm-name">${p.firm.name}</a>
          ${mine ? html` <span class="badge mine">${t("alliance.yourFirm")}</span>` : nothing}</span>
      </td>
      <td class="num" data-label=${t("jointBid.packages.col.price")}><span data-testid="package-price-text">${formatCents(centsOf(p.price.amount), p.price.currency)}</span></td>
      ${editable
        ? html`<td class="actions-cell" data-label="">
            <span class="item-actions">
              ${controls.edit
                ? html`<button type="button" data-testid="edit-package" data-package-id=${p.id} ?disabled=${ws.busy()} @click=${() => openEdit(p)}>
                    ${t("jointBid.packages.edit")}</button>`
                : nothing}
              ${controls.delete
                ? html`<button type="button" class="danger-outline" data-testid="delete-package" data-package-id=${p.id} ?disabled=${ws.busy()}
                    @click=${() => void remove(p)}>${t("jointBid.packages.delete")}</button>`
                : nothing}
              ${controls.reassign ? reassignView(p) : nothing}
              ${controls.ownerOnly
                ? html`<span class="muted small" data-testid="package-owner-only">${t("jointBid.packages.ownerOnly", { firm: p.firm.name })}</span>`
                : nothing}
            </span>
          </td>`
        : nothing}
    </tr>`;
  }

  /** The forms that have no row: a new package, and packages someone else deleted while they were edited. */
  function loneForms(alliance: AllianceDto, tender: TenderDto, bid: JointBidDto) {
    const lone = [...edits].filter(([key, e]) => key === NEW || e.draft.gone || !bid.workPackages.some((p) => keyOf(p) === key));
    return lone.map(([key, e]) => html`<div class="package-lone ${key === NEW ? "new" : "gone"}" data-testid=${key === NEW ? "new-package" : "gone-package"}>
      <h4>${t(key === NEW ? "jointBid.packages.newTitle" : "jointBid.packages.goneTitle")}</h4>
      ${formView(key, e, alliance, tender)}
    </div>`);
  }

  return {
    /**
     * A newer joint bid: the drafts of packages that changed follow it (stale.ts); the others, and the one being
     * saved, are left as they are.
     */
    reconcile(fresh: JointBidDto): void {
      for (const [key, e] of [...edits]) {
        if (key === NEW || key === saving || e.draft.gone) continue;
        const item = fresh.workPackages.find((p) => keyOf(p) === key) ?? null;
        const next = reconcile(e.draft, item && { version: item.version, values: packageFields(item) }, samePackage);
        if (next === null) edits.delete(key);
        else if (next !== e.draft) {
          e.draft = next;
          // The messages were about values that are no longer in the form.
          if (next.mine !== null || next.gone) e.errors = {};
        }
      }
    },

    view(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto) {
      const editable = ws.editable();
      const columns = editable ? 4 : 3;
      const groups = lotGroups(bid, tender.lots);
      const totals = grandTotals(groups);
      return html`<section class="card joint-packages" aria-labelledby="joint-packages-title">
        <div class="section-head">
          <h3 id="joint-packages-title">${t("jointBid.packages.title")} <span class="count">${bid.workPackages.length}</span></h3>
          <span class="muted small">${t("jointBid.packages.intro")}</span>
        </div>
        <div class="table-wrap">
          <table class="work-packages phone-cards" data-testid="work-packages">
            <thead>
              <tr>
                <th>${t("jointBid.packages.col.title")}</th>
                <th>${t("jointBid.packages.col.firm")}</th>
                <th class="num">${t("jointBid.packages.col.price")}</th>
                ${editable ? html`<th><span class="visually-hidden">${t("alliance.col.actions")}</span></th>` : nothing}
              </tr>
            </thead>
            ${groups.map(
              (g) => html`<tbody data-testid="package-lot" data-lot=${g.lot}>
                <tr class="package-lot-head">
                  <th colspan="2" scope="rowgroup">
                    ${t("tender.lot", { n: g.lot })}${g.title === null ? html` <span class="badge warn">${t("jointBid.packages.lotGone")}</span>` : ` · ${g.title}`}
                    <span class="muted small">${tn("jointBid.packages.count", g.packages.length)}</span>
                  </th>
                  <td class="num lot-total" data-testid="lot-total-${g.lot}" data-cents=${g.price?.cents ?? 0}>
                    ${g.price ? formatCents(g.price.cents, g.price.currency) : "—"}</td>
                  ${editable ? html`<td class="lot-head-pad"></td>` : nothing}
                </tr>
                ${g.packages.length
                  ? g.packages.map((p) => rowView(p, alliance, tender, editable, columns))
                  : html`<tr class="empty-lot"><td colspan=${columns} class="muted small">${t("jointBid.packages.emptyLot")}</td></tr>`}
              </tbody>`,
            )}
            <tfoot>
              <tr class="grand-total">
                <th colspan="2" scope="row">${t("jointBid.packages.total")}</th>
                <td class="num" data-testid="joint-total" data-cents=${totals.map((x) => x.cents).join(" ")}>
                  ${totals.length ? totals.map((x) => formatCents(x.cents, x.currency)).join(" + ") : "—"}</td>
                ${editable ? html`<td></td>` : nothing}
              </tr>
            </tfoot>
          </table>
        </div>
        ${editable ? loneForms(alliance, tender, bid) : nothing}
        ${editable && !edits.has(NEW)
          ? html`<p class="actions add-package-line">
              <button type="button" class="primary-outline" data-testid="add-package" ?disabled=${ws.busy()} @click=${() => openNew()}>
                ${t("jointBid.packages.addOpen")}</button>
              ${deleted
                ? html`<button type="button" class="link" data-testid="restore-package"
                    @click=${() => { const d = deleted!; deleted = null; status = null; openNew(d.fields); }}>
                    ${t("jointBid.packages.restore", { title: deleted.title })}</button>`
                : nothing}
            </p>`
          : nothing}
        ${statusView(status, bid, "packages-status")}
      </section>`;
    },
  };
}
