// A firm's DGUE on its page, for its own people: its answer to each exclusion ground (grouped as the official form
// groups them) and the criteria it declares met by pointing at the attestations and figures recorded above; its
// Owners and Managers answer and confirm it. The server judges every field and says whether the confirmation is
// recent enough to go with a bid; this form only reads what is chosen and shows each refusal next to its field.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { DgueDto, DgueSection, EditDgueRequest, FirmDgueDto } from "../../api/types";
import { currentLanguage, t, type MessageKey } from "../../i18n";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { CardEdit } from "./card-edit";
import { formatMoney } from "../showcase/showcase";
import { formatDay } from "../tenders/dates";

const sections: readonly DgueSection[] = ["Convictions", "TaxesAndContributions", "InsolvencyAndMisconduct", "National"];

interface Answer {
  ground: string;
  applies: boolean | null;
  explanation: string;
}

interface Editing {
  answers: Answer[];
  categories: Set<string>;
  figures: boolean;
}

/** The request for what is chosen: a ground left unanswered is sent as such, for the server to name. */
export function dgueRequest(version: number, editing: Editing): EditDgueRequest {
  return {
    version,
    answers: editing.answers
      .filter((a) => a.applies !== null)
      .map((a) => ({ ground: a.ground, applies: a.applies === true, explanation: a.applies ? a.explanation : null })),
    selection: { categories: [...editing.categories], figures: editing.figures },
  };
}

const groundText = (code: string) => t(`dgue.ground.${code}` as MessageKey);
const day = (at: string) => formatDay(at.slice(0, 10));

/** Whether and when the DGUE was confirmed, and whether it may still go with a bid. */
export const dgueStandingView = (dgue: DgueDto) =>
  !dgue.confirmedAt
    ? html`<p class="badge warning" data-testid="dgue-standing" data-current="false">${t("dgue.never")}</p>`
    : dgue.current
      ? html`<p class="muted" data-testid="dgue-standing" data-current="true">${t("dgue.confirmedOn", { day: day(dgue.confirmedAt) })}</p>`
      : html`<p class="badge warning" data-testid="dgue-standing" data-current="false">${t("dgue.stale", { day: day(dgue.confirmedAt) })}</p>`;

/** The DGUE as read, by the firm's people (and, once bids are opened, the buyer): every ground with its answer, and the criteria. */
export const dgueReadView = (dgue: DgueDto) => html`
  ${sections.map(
    (section) => html`<h4>${t(`dgue.section.${section}` as MessageKey)}</h4>
      <ul class="dgue-grounds">
        ${dgue.grounds
          .filter((g) => g.section === section)
          .map(
            (g) => html`<li data-testid="dgue-ground" data-ground=${g.code} data-applies=${String(g.applies)}>
              <span>${groundText(g.code)} <span class="muted small">(${g.source})</span></span>
              <strong data-testid="dgue-answer">${g.applies === null ? t("dgue.unanswered") : g.applies ? t("dgue.yes") : t("dgue.no")}</strong>
              ${g.applies && g.explanation ? html`<p class="dgue-explanation" data-testid="dgue-explanation">${g.explanation}</p>` : nothing}
            </li>`,
          )}
      </ul>`,
  )}
  <h4>${t("dgue.criteriaTitle")}</h4>
  ${dgue.categories.length || dgue.figures
    ? html`<ul class="dgue-grounds" data-testid="dgue-criteria">
        ${dgue.categories.map(
          (c) => html`<li data-testid="dgue-criterion" data-category=${c.category}>
            ${c.attestation
              ? t("dgue.criterionSoa", { category: c.category, class: c.attestation.classLabel, day: formatDay(c.attestation.expires) })
              : t("dgue.criterionGone", { category: c.category })}
          </li>`,
        )}
        ${dgue.figures
          ? html`<li data-testid="dgue-criterion-figures">
              ${t("dgue.criterionFigures", {
                turnover: formatMoney({ amount: dgue.figures.turnover, currency: "EUR" }, currentLanguage()),
                similar: formatMoney({ amount: dgue.figures.similarWork, currency: "EUR" }, currentLanguage()),
                year: dgue.figures.lastYear,
              })}
            </li>`
          : nothing}
      </ul>`
    : html`<p class="muted">${t("dgue.noCriteria")}</p>`}`;

export function dgueSection(firmId: string, redraw: Redraw) {
  let data: FirmDgueDto | null = null;
  let loadFailed = false;
  // The request sends only the answered grounds, so a refusal's index is the answered ground's place among them.
  const answeredIndex = (ground: string) => edit.editing!.answers.filter((a) => a.applies !== null).findIndex((a) => a.ground === ground);
  const edit: CardEdit<Editing> = new CardEdit<Editing>(redraw, (): string[] => [
    ...edit.editing!.answers.map((a) => `answers[${answeredIndex(a.ground)}]`),
    ...[...edit.editing!.categories].map((_, i) => `selection.categories[${i}]`),
    "selection.figures",
  ]);

  const load = () =>
    api.dgue(firmId).then(
      (d) => {
        data = d;
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
      answers: data.dgue.grounds.map((g) => ({ ground: g.code, applies: g.applies ?? null, explanation: g.explanation ?? "" })),
      categories: new Set(data.dgue.categories.filter((c) => c.attestation).map((c) => c.category)),
      figures: data.dgue.figures !== null && data.dgue.figures !== undefined,
    });
  }

  function save(event: SubmitEvent): void {
    event.preventDefault();
    const editing = edit.editing;
    if (!data || !editing) return;
    const version = data.version;
    void edit.save(async () => {
      data = await api.editDgue(firmId, dgueRequest(version, editing));
    }, "dgue.saved");
  }

  const groundForm = (answer: Answer, i: number) => {
    const field = `answers[${answeredIndex(answer.ground)}].explanation`;
    const set = (patch: Partial<Answer>) => {
      edit.editing!.answers[i] = { ...answer, ...patch };
      redraw();
    };
    const ground = data!.dgue.grounds.find((g) => g.code === answer.ground)!;
    return html`<fieldset class="dgue-question" data-testid="dgue-question" data-ground=${answer.ground}>
      <legend>${groundText(answer.ground)} <span class="muted small">(${ground.source})</span></legend>
      <div class="dgue-choice">
        <label class="check"><input type="radio" name="dgue-${answer.ground}" data-testid="dgue-no" .checked=${answer.applies === false}
          @change=${() => set({ applies: false })} /> ${t("dgue.no")}</label>
        <label class="check"><input type="radio" name="dgue-${answer.ground}" data-testid="dgue-yes" .checked=${answer.applies === true}
          @change=${() => set({ applies: true })} /> ${t("dgue.yes")}</label>
      </div>
      ${answer.applies
        ? html`<div class="field">
            <label for="dgue-explain-${answer.ground}">${t("dgue.explain")}</label>
            <textarea id="dgue-explain-${answer.ground}" data-testid="dgue-explanation-input" rows="3" maxlength="2000"
              .value=${answer.explanation} aria-invalid=${edit.invalid(field)}
              @input=${(e: Event) => (edit.editing!.answers[i] = { ...edit.editing!.answers[i]!, explanation: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${edit.error(field)}
          </div>`
        : nothing}
    </fieldset>`;
  };

  const formView = (d: FirmDgueDto) => html`<form class="dgue-form" @submit=${save} novalidate data-testid="dgue-form">
    ${sections.map(
      (section) => html`<h4>${t(`dgue.section.${section}` as MessageKey)}</h4>
        ${edit.editing!.answers.map((a, i) => (d.dgue.grounds[i]!.section === section ? groundForm(a, i) : nothing))}`,
    )}
    <h4>${t("dgue.criteriaTitle")}</h4>
    <p class="hint">${t("dgue.criteriaHint")}</p>
    ${d.attestations.map(
      (a) => html`<label class="check dgue-criterion-choice"><input type="checkbox" data-testid="dgue-pick-category" data-category=${a.category}
          .checked=${edit.editing!.categories.has(a.category)} ?disabled=${a.expired}
          @change=${(e: Event) => {
            if ((e.target as HTMLInputElement).checked) edit.editing!.categories.add(a.category);
            else edit.editing!.categories.delete(a.category);
          }} />
        ${t("dgue.criterionSoa", { category: a.category, class: a.classLabel, day: formatDay(a.expires) })}</label>`,
    )}
    ${d.figures
      ? html`<label class="check dgue-criterion-choice"><input type="checkbox" data-testid="dgue-pick-figures" .checked=${edit.editing!.figures}
            @change=${(e: Event) => (edit.editing!.figures = (e.target as HTMLInputElement).checked)} />
          ${t("dgue.pickFigures", { year: d.figures.lastYear })}</label>`
      : nothing}
    ${!d.attestations.length && !d.figures ? html`<p class="muted">${t("dgue.nothingToPoint")}</p>` : nothing}
    <div class="row">
      <button class="primary" type="submit" ?disabled=${edit.busy} data-testid="dgue-save">${t("dgue.save")}</button>
      ${edit.cancelButton()}
    </div>
  </form>`;

  return {
    /** The firm changed (a live update): read again, unless its editor is answering, whose save then answers for the version. */
    refresh: () => {
      if (!edit.editing && !edit.busy) void load();
    },
    view: () => html`<section class="card" data-testid="dgue-section">
      <h2>${t("dgue.title")}</h2>
      <p class="hint">${t("dgue.intro", { months: data?.monthsCurrent ?? 6 })}</p>
      ${loadFailed
        ? loadErrorView()
        : !data
          ? loadingView()
          : edit.editing
            ? formView(data)
            : html`${dgueStandingView(data.dgue)}
                ${data.dgue.confirmedAt ? dgueReadView(data.dgue) : nothing}
                ${data.canEdit
                  ? html`<button type="button" data-testid="dgue-edit" @click=${startEditing}>
                      ${t(data.dgue.confirmedAt ? "dgue.edit" : "dgue.start")}</button>`
                  : nothing}`}
      ${edit.statusView("dgue-status")}
    </section>`,
  };
}
