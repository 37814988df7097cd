// A firm's qualifications on its page, for its own people: its SOA attestations (an expired one is shown as not
// counting) and its turnover and similar work; its Owners and Managers edit them in place. The server judges every
// field; this form only reads what is typed and shows each refusal next to its field.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { EditQualificationsRequest, FirmQualificationsDto, SoaCategoryDto, SoaClass } from "../../api/types";
import { currentLanguage, localized, t } from "../../i18n";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { CardEdit } from "./card-edit";
import { checkedView } from "./checks";
import { formatMoney, normalizeAmount } from "../showcase/showcase";
import { formatDay } from "../tenders/dates";

const classes: readonly SoaClass[] = ["I", "II", "III", "IIIBis", "IV", "IVBis", "V", "VI", "VII", "VIII"];
const classLabel = (c: SoaClass) => c.replace("Bis", "-bis");

interface Row {
  category: string;
  class: SoaClass;
  expires: string;
  issuedBy: string;
}

interface Figures {
  lastYear: string;
  turnover: string;
  similarWork: string;
}

interface Editing {
  rows: Row[];
  figures: Figures;
}

const euros = (amount: number) => formatMoney({ amount, currency: "EUR" }, currentLanguage());

/** The request for what is typed: a blank figure is 0, a blank year 0 (which the server names); all blank is no figures. */
export function qualificationsRequest(version: number, rows: readonly Row[], figures: Figures): EditQualificationsRequest {
  const blank = !figures.lastYear.trim() && !figures.turnover.trim() && !figures.similarWork.trim();
  const amount = (text: string) => Number(normalizeAmount(text) ?? (text.trim() ? NaN : 0));
  return {
    version,
    attestations: rows.map((r) => ({ category: r.category, class: r.class, expires: r.expires || null, issuedBy: r.issuedBy })),
    figures: blank
      ? null
      : { lastYear: Number(figures.lastYear.trim() || 0), turnover: amount(figures.turnover), similarWork: amount(figures.similarWork) },
  };
}

/**
 * A firm's attestations as read (an expired one marked), each with the associations' checks that hold; `extra` adds
 * what the reader may do with one (a space's admin checks it).
 */
export const attestationsView = (q: FirmQualificationsDto, extra: (category: string | null) => unknown = () => nothing) =>
  q.attestations.length
    ? html`<ul class="qualification-list" data-testid="soa-list">
        ${q.attestations.map(
          (a) => html`<li data-testid="soa-item" data-category=${a.category} data-expired=${a.expired}>
            <span><strong>${a.category}</strong> ${localized(a.categoryIt, a.categoryEn)}</span>
            <span class="muted small">${t("qualifications.classLine", { class: a.classLabel, amount: euros(a.classAmount) })} ·
              ${t(a.expired ? "qualifications.expiredOn" : "qualifications.expires", { day: formatDay(a.expires) })} ·
              ${t("qualifications.issuedBy", { issuer: a.issuedBy })}</span>
            ${a.expired ? html`<span class="badge warning" data-testid="soa-expired">${t("qualifications.expiredBadge")}</span>` : nothing}
            ${checkedView(q.checks, a.category)} ${extra(a.category)}
          </li>`,
        )}
      </ul>
      ${q.attestations.some((a) => a.expired) ? html`<p class="muted small">${t("qualifications.expiredNote")}</p>` : nothing}`
    : html`<p class="muted" data-testid="soa-none">${t("qualifications.noneSoa")}</p>`;

/** A firm's turnover and similar work as read, with the associations' checks that hold and, as above, `extra`. */
export const figuresView = (q: FirmQualificationsDto, extra: (category: string | null) => unknown = () => nothing) =>
  q.figures
    ? html`<dl class="facts" data-testid="figures">
        <div><dt>${t("qualifications.turnover")}</dt><dd data-testid="figures-turnover">${euros(q.figures.turnover)}</dd></div>
        <div><dt>${t("qualifications.similarWork")}</dt><dd data-testid="figures-similar">${euros(q.figures.similarWork)}</dd></div>
      </dl>
      <p class="muted small">${t("qualifications.period", { year: q.figures.lastYear })}</p>
      <p class="qualification-figures-checks" data-testid="figures-checks">${checkedView(q.checks, null)} ${extra(null)}</p>`
    : html`<p class="muted">${t("qualifications.noneFigures")}</p>`;

export function qualificationsSection(firmId: string, redraw: Redraw) {
  let data: FirmQualificationsDto | null = null;
  let categories: SoaCategoryDto[] = [];
  let loadFailed = false;
  const edit: CardEdit<Editing> = new CardEdit<Editing>(redraw, (): string[] => [
    ...(edit.editing?.rows ?? []).flatMap((_, i) => ["category", "class", "expires", "issuedBy"].map((f) => `attestations[${i}].${f}`)),
    "figures.lastYear", "figures.turnover", "figures.similarWork",
  ]);

  const load = () =>
    Promise.all([api.qualifications(firmId), api.soaCategories()]).then(
      ([q, c]) => {
        data = q;
        categories = c;
        redraw();
      },
      () => {
        loadFailed = true;
        redraw();
      },
    );
  void load();

  function startEditing(): void {
    if (!data) return;
    edit.start({
      rows: data.attestations.map((a) => ({ category: a.category, class: a.class, expires: a.expires, issuedBy: a.issuedBy })),
      figures: data.figures
        ? { lastYear: String(data.figures.lastYear), turnover: String(data.figures.turnover), similarWork: String(data.figures.similarWork) }
        : { lastYear: "", turnover: "", similarWork: "" },
    });
  }

  function save(event: SubmitEvent): void {
    event.preventDefault();
    const editing = edit.editing;
    if (!data || !editing) return;
    const version = data.version;
    void edit.save(async () => {
      data = await api.editQualifications(firmId, qualificationsRequest(version, editing.rows, editing.figures));
    }, "qualifications.saved");
  }

  const { error, invalid } = edit;

  const rowView = (row: Row, i: number, rows: Row[]) => {
    const at = (f: string) => `attestations[${i}].${f}`;
    const set = (patch: Partial<Row>) => {
      rows[i] = { ...row, ...patch };
      redraw();
    };
    return html`<fieldset class="qualification-row" data-testid="soa-row">
      <div class="field grow">
        <label for="soa-category-${i}">${t("qualifications.category")}</label>
        <select id="soa-category-${i}" data-testid="soa-category" aria-invalid=${invalid(at("category"))}
          @change=${(e: Event) => set({ category: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!row.category}>${t("qualifications.chooseCategory")}</option>
          ${categories.map(
            (c) => html`<option value=${c.code} ?selected=${c.code === row.category}>${c.code} · ${localized(c.labelIt, c.labelEn)}</option>`,
          )}
        </select>
        ${error(at("category"))}
      </div>
      <div class="field">
        <label for="soa-class-${i}">${t("qualifications.class")}</label>
        <select id="soa-class-${i}" data-testid="soa-class" @change=${(e: Event) => set({ class: (e.target as HTMLSelectElement).value as SoaClass })}>
          ${classes.map((c) => html`<option value=${c} ?selected=${c === row.class}>${classLabel(c)}</option>`)}
        </select>
        ${error(at("class"))}
      </div>
      <div class="field">
        <label for="soa-expires-${i}">${t("qualifications.expiry")}</label>
        <input id="soa-expires-${i}" type="date" data-testid="soa-expires" .value=${row.expires} aria-invalid=${invalid(at("expires"))}
          @change=${(e: Event) => set({ expires: (e.target as HTMLInputElement).value })} />
        ${row.expires ? html`<span class="muted small">${formatDay(row.expires)}</span>` : nothing}
        ${error(at("expires"))}
      </div>
      <div class="field grow">
        <label for="soa-issuer-${i}">${t("qualifications.issuer")}</label>
        <input id="soa-issuer-${i}" data-testid="soa-issuer" maxlength="120" .value=${row.issuedBy} aria-invalid=${invalid(at("issuedBy"))}
          @input=${(e: Event) => (rows[i] = { ...rows[i]!, issuedBy: (e.target as HTMLInputElement).value })} />
        ${error(at("issuedBy"))}
      </div>
      <button type="button" class="link" data-testid="soa-remove" @click=${() => {
        rows.splice(i, 1);
        edit.errors = {};
        redraw();
      }}>${t("qualifications.remove")}</button>
    </fieldset>`;
  };

  const figureField = (key: keyof Figures, label: string, inputMode: "numeric" | "decimal") => {
    const field = `figures.${key}`;
    return html`<div class="field">
      <label for="fig-${key}">${label}</label>
      <input id="fig-${key}" inputmode=${inputMode} data-testid="fig-${key}" .value=${edit.editing!.figures[key]} aria-invalid=${invalid(field)}
        @input=${(e: Event) => (edit.editing!.figures = { ...edit.editing!.figures, [key]: (e.target as HTMLInputElement).value })} />
      ${error(field)}
    </div>`;
  };

  const formView = () => html`<form class="qualifications-form" @submit=${save} novalidate data-testid="qualifications-form">
    <h3>${t("qualifications.soaTitle")}</h3>
    ${edit.editing!.rows.map((row, i) => rowView(row, i, edit.editing!.rows))}
    <button type="button" data-testid="soa-add" @click=${() => {
      edit.editing!.rows.push({ category: "", class: "I", expires: "", issuedBy: "" });
      redraw();
    }}>${t("qualifications.add")}</button>
    <h3>${t("qualifications.figuresTitle")}</h3>
    <p class="hint">${t("qualifications.figuresHint")}</p>
    <div class="row">
      ${figureField("lastYear", t("qualifications.lastYear"), "numeric")}
      ${figureField("turnover", t("qualifications.turnover"), "decimal")}
      ${figureField("similarWork", t("qualifications.similarWork"), "decimal")}
    </div>
    <div class="row">
      <button class="primary" type="submit" ?disabled=${edit.busy} data-testid="qualifications-save">${t("qualifications.save")}</button>
      ${edit.cancelButton()}
    </div>
  </form>`;

  return {
    /** The firm changed (a live update): read again, unless its editor is typing, whose save then answers for the version. */
    refresh: () => {
      if (!edit.editing && !edit.busy) void load();
    },
    view: () => html`<section class="card" data-testid="qualifications-section">
      <h2>${t("qualifications.title")}</h2>
      <p class="hint">${t("qualifications.intro")}</p>
      ${loadFailed
        ? loadErrorView()
        : !data
          ? loadingView()
          : edit.editing
            ? formView()
            : html`<h3>${t("qualifications.soaTitle")}</h3>
                ${attestationsView(data)}
                <h3>${t("qualifications.figuresTitle")}</h3>
                ${figuresView(data)}
                ${data.canEdit
                  ? html`<button type="button" data-testid="qualifications-edit" @click=${startEditing}>${t("qualifications.edit")}</button>`
                  : nothing}`}
      ${edit.statusView("qualifications-status")}
    </section>`,
  };
}
