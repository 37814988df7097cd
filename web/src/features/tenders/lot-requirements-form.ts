// A lot's requirements in the tender form: works (the prevailing SOA category, the separable ones with their amounts
// and whether each may be subcontracted, whether and up to what share subcontracting is allowed) or services and
// supplies (turnover and similar work). The server judges every field; refusals are shown next to theirs.
import { html, nothing } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import type { SoaCategoryDto } from "../../api/types";
import { localized, t } from "../../i18n";
import { fieldErrorView } from "../../views";
import { describedBy, errorId, invalid } from "./form-field-ids";
import { emptyCategory, type CategoryForm, type LotForm } from "./tender-form";

export interface RequirementsContext {
  categories: readonly SoaCategoryDto[];
  /** The refusals at a field and under it. */
  at: (path: string) => string[];
  /** Changes the form and renders it again. */
  edit: (change: () => void) => void;
}


function categoryRow(c: CategoryForm, path: string, testid: string, label: string, ctx: RequirementsContext, extra: unknown = nothing) {
  const categoryMessages = ctx.at(`${path}.category`);
  const amountMessages = ctx.at(`${path}.amount`);
  return html`<div class="row requirement-row">
      <div class="field">
        <label for="${testid}-category">${label}</label>
        <select id="${testid}-category" data-testid="${testid}-category" .value=${live(c.category)}
          @change=${(e: Event) => ctx.edit(() => (c.category = (e.target as HTMLSelectElement).value))}
          aria-invalid=${invalid(categoryMessages)} aria-describedby=${ifDefined(describedBy(`${path}.category`, categoryMessages))}>
          <option value="" ?selected=${c.category === ""}>${t("tenderForm.categoryNone")}</option>
          ${ctx.categories.map(
            (k) => html`<option value=${k.code} ?selected=${k.code === c.category}>${k.code} — ${localized(k.labelIt, k.labelEn)}</option>`,
          )}
        </select>
        ${fieldErrorView(`${path}.category`, categoryMessages, errorId(`${path}.category`))}
      </div>
      <div class="field amount">
        <label for="${testid}-amount">${t("tenderForm.categoryAmount")}</label>
        <span class="with-unit">
          <input id="${testid}-amount" data-testid="${testid}-amount" inputmode="decimal" .value=${live(c.amount)}
            @input=${(e: InputEvent) => (c.amount = (e.target as HTMLInputElement).value)}
            aria-invalid=${invalid(amountMessages)} aria-describedby=${ifDefined(describedBy(`${path}.amount`, amountMessages))} />
          <span class="unit">EUR</span>
        </span>
        ${fieldErrorView(`${path}.amount`, amountMessages, errorId(`${path}.amount`))}
      </div>
    </div>
    ${extra}`;
}

function amountField(path: string, testid: string, label: string, value: string, set: (v: string) => void, ctx: RequirementsContext) {
  const messages = ctx.at(path);
  return html`<div class="field">
    <label for=${testid}>${label}</label>
    <span class="with-unit">
      <input id=${testid} data-testid=${testid} inputmode="decimal" .value=${live(value)}
        @input=${(e: InputEvent) => set((e.target as HTMLInputElement).value)}
        aria-invalid=${invalid(messages)} aria-describedby=${ifDefined(describedBy(path, messages))} />
      <span class="unit">EUR</span>
    </span>
    ${fieldErrorView(path, messages, errorId(path))}
  </div>`;
}

/** The requirements of the form's lot `i`. */
export function requirementsFieldset(lot: LotForm, i: number, ctx: RequirementsContext) {
  const r = lot.requirements;
  const path = `lots[${i}].requirements`;
  const percentMessages = ctx.at(`${path}.subcontractingMaxPercent`);
  const works = r.prevailing.category !== "" || r.separable.length > 0;
  return html`<fieldset class="lot-requirements-form" data-testid="lot-requirements-form-${i}">
    <legend>${t("tenderForm.requirements")}</legend>
    <p class="hint">${t("tenderForm.requirementsHint")}</p>
    ${categoryRow(r.prevailing, `${path}.prevailing`, `lot-${i}-prevailing`, t("tenderForm.prevailingCategory"), ctx)}
    ${r.separable.map((s, j) =>
      categoryRow(
        s,
        `${path}.separable[${j}]`,
        `lot-${i}-separable-${j}`,
        t("tenderForm.separableCategory", { n: j + 1 }),
        ctx,
        html`<div class="row separable-options">
          ${r.subcontracting
            ? html`<label class="check">
                <input type="checkbox" data-testid="lot-${i}-separable-${j}-subcontract" .checked=${live(s.maySubcontract)}
                  @change=${(e: Event) => ctx.edit(() => (s.maySubcontract = (e.target as HTMLInputElement).checked))} />
                <span>${t("tenderForm.maySubcontract")}</span>
              </label>`
            : nothing}
          <button type="button" class="link" data-testid="lot-${i}-remove-separable-${j}"
            @click=${() => ctx.edit(() => (r.separable = r.separable.filter((x) => x !== s)))}>${t("tenderForm.removeSeparable", { n: j + 1 })}</button>
        </div>`,
      ),
    )}
    <p><button type="button" data-testid="lot-${i}-add-separable" @click=${() => ctx.edit(() => (r.separable = [...r.separable, emptyCategory()]))}>
      ${t("tenderForm.addSeparable")}</button></p>
    ${works
      ? html`<div class="row subcontracting">
          <label class="check">
            <input type="checkbox" data-testid="lot-${i}-subcontracting" .checked=${live(r.subcontracting)}
              @change=${(e: Event) => ctx.edit(() => (r.subcontracting = (e.target as HTMLInputElement).checked))} />
            <span>${t("tenderForm.subcontracting")}</span>
          </label>
          ${r.subcontracting
            ? html`<div class="field percent">
                <label for="lot-${i}-subcontract-percent">${t("tenderForm.subcontractPercent")}</label>
                <span class="with-unit">
                  <input id="lot-${i}-subcontract-percent" data-testid="lot-${i}-subcontract-percent" inputmode="numeric" .value=${live(r.subcontractPercent)}
                    @input=${(e: InputEvent) => (r.subcontractPercent = (e.target as HTMLInputElement).value)}
                    aria-invalid=${invalid(percentMessages)} aria-describedby=${ifDefined(describedBy(`${path}.subcontractingMaxPercent`, percentMessages))} />
                  <span class="unit">%</span>
                </span>
                ${fieldErrorView(`${path}.subcontractingMaxPercent`, percentMessages, errorId(`${path}.subcontractingMaxPercent`))}
              </div>`
            : nothing}
        </div>`
      : nothing}
    <div class="row">
      ${amountField(`${path}.minTurnover`, `lot-${i}-min-turnover`, t("tenderForm.minTurnover"), r.minTurnover, (v) => (r.minTurnover = v), ctx)}
      ${amountField(`${path}.minSimilarWork`, `lot-${i}-min-similar-work`, t("tenderForm.minSimilarWork"), r.minSimilarWork, (v) => (r.minSimilarWork = v), ctx)}
    </div>
    <label class="check">
      <input type="checkbox" data-testid="lot-${i}-avvalimento" .checked=${live(r.avvalimento)}
        @change=${(e: Event) => ctx.edit(() => (r.avvalimento = (e.target as HTMLInputElement).checked))} />
      <span>${t("tenderForm.avvalimento")}</span>
    </label>
  </fieldset>`;
}
