// Whether the alliance qualifies for each lot it bids for that states requirements (the lots its joint bid has work
// packages in; all of them while it has none, and it says which), as the server's qualification rules judge it
// from its active firms' attestations: per requirement who brings what (counted or not, and why), and the verdict
// with each failing rule in words. The client words what the server decided; it decides nothing.
import { html, nothing } from "lit-html";
import type { AllianceQualificationDto, LotQualificationDto } from "../../api/types";
import { currentLanguage, formatNumber, localized, t } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { loadErrorView, loadingView } from "../../views";
import { formatMoney } from "../showcase/showcase";
import { checkedView } from "../qualifications/checks";
import { formatDay } from "../tenders/dates";

type Check = LotQualificationDto["requirements"][number];
type By = Check["by"][number];

const euros = (amount: number) => formatMoney({ amount, currency: "EUR" }, currentLanguage());
const reason = (r: { code: string; args: Record<string, string> }) => refusalText(r.code, r.args) ?? r.code;

function requirementName(c: Check): string {
  if (c.kind === "Turnover") return t("qualification.turnover");
  if (c.kind === "SimilarWork") return t("qualification.similarWork");
  const name = localized(c.categoryIt, c.categoryEn);
  return t(c.kind === "Prevailing" ? "qualification.prevailing" : "qualification.separable", { category: c.category ?? "", name, class: c.classLabel ?? "" });
}

/** Why a firm's part counts or not, in words. */
function byText(b: By): string {
  if (b.expired) return t("qualification.byExpired", { class: b.classLabel ?? "" });
  const amount = euros(b.amount);
  const held = b.classLabel ? t("qualification.byClass", { class: b.classLabel, amount }) : amount;
  if (!b.counts) return t("qualification.byTooSmall", { held });
  return b.increased ? t("qualification.byIncreased", { held }) : held;
}

/** What an auxiliary firm lends the firm (avvalimento), when the part is not the firm's own: "OS30 classe I in avvalimento da …". */
function lentText(c: Check, b: By): string | null {
  if (!b.lentBy) return null;
  return b.classLabel && c.category
    ? t("qualification.byLentClass", { category: c.category, class: b.classLabel, firm: b.lentBy.name })
    : t("qualification.byLentFigure", { firm: b.lentBy.name });
}

function checkView(c: Check, lot: number) {
  return html`<li class="qualification-check status-${c.status.toLowerCase()}" data-testid="qualification-check" data-lot=${lot}
      data-category=${c.category ?? c.kind} data-status=${c.status}>
    <div class="qualification-check-head">
      <strong>${requirementName(c)}</strong>
      <span class="badge">${t(`qualification.status.${c.status}`)}</span>
    </div>
    <p class="small muted">${t("qualification.sum", { held: euros(c.held), required: euros(c.required) })}</p>
    ${c.by.length
      ? html`<ul class="qualification-by">
          ${c.by.map(
            (b) => html`<li data-testid="qualification-by" data-firm-id=${b.firm.id} data-counts=${b.counts ? "true" : "false"}>
              <span class="firm">${b.firm.name}${b.lead ? html` <span class="badge">${t("qualification.lead")}</span>` : nothing}</span>
              ${lentText(c, b) ? html`<span class="lent" data-testid="qualification-lent">${lentText(c, b)}</span>` : nothing}
              <span class=${b.counts ? "" : "muted"}>${byText(b)}</span>
              ${checkedView(b.checked, c.category ?? null)}
            </li>`,
          )}
        </ul>`
      : html`<p class="small" data-testid="qualification-nobody">${t("qualification.nobody")}</p>`}
  </li>`;
}

/** Each firm's execution quota declared in the joint bid against what its classes cover in the lot. */
function quotasView(lot: LotQualificationDto) {
  return html`<ul class="qualification-quotas" data-testid="qualification-quotas">
    ${lot.quotas.map(
      (q) => html`<li data-testid="qualification-quota" data-firm-id=${q.firm.id} data-covered=${q.warning ? "false" : "true"}>
        ${q.warning
          ? html`<span class="alert warn small">${reason(q.warning)}</span>`
          : t("qualification.quotaCovered", { firm: q.firm.name, execution: formatNumber(q.execution, 2), amount: euros(q.amount), covered: euros(q.covered) })}
      </li>`,
    )}
  </ul>`;
}

function lotView(lot: LotQualificationDto) {
  return html`<li class="qualification-lot ${lot.qualifies ? "qualifies" : "fails"}" data-testid="qualification-lot" data-lot=${lot.lot}
      data-qualifies=${lot.qualifies ? "true" : "false"}>
    <div class="coverage-lot-head">
      <h4>${t("tender.lot", { n: lot.lot })} · ${lot.title}</h4>
      <span class="badge ${lot.qualifies ? "covered-badge" : "gap-badge"}" data-testid="qualification-verdict">
        ${t(lot.qualifies ? "qualification.qualifies" : "qualification.fails")}</span>
    </div>
    <ul class="qualification-checks">${lot.requirements.map((c) => checkView(c, lot.lot))}</ul>
    ${lot.failures.length
      ? html`<div class="alert warn" data-testid="qualification-failures">
          <ul>${lot.failures.map((f) => html`<li data-testid="qualification-failure" data-code=${f.code}>${reason(f)}</li>`)}</ul>
        </div>`
      : nothing}
    ${lot.notes.map((n) => html`<p class="small" data-testid="qualification-note" data-code=${n.code}>${reason(n)}</p>`)}
    ${lot.undeclared.map((u) => html`<p class="alert warn small" data-testid="qualification-undeclared" data-code=${u.code}>${reason(u)}</p>`)}
    ${lot.quotas.length ? quotasView(lot) : nothing}
  </li>`;
}

/** Where each firm's DGUE stands today (the server judges the six-month horizon): confirmed, to be confirmed, or missing. */
function dguesView(dgues: AllianceQualificationDto["dgues"]) {
  return html`<div class="qualification-dgues">
    <h4>${t("qualification.dgues")}</h4>
    <ul class="qualification-by">
      ${dgues.map(
        (d) => html`<li data-testid="qualification-dgue" data-firm-id=${d.firm.id} data-standing=${d.standing}>
          <span class="firm">${d.firm.name}${d.lead ? html` <span class="badge">${t("qualification.lead")}</span>` : nothing}${d.auxiliary
            ? html` <span class="badge">${t("qualification.auxiliary")}</span>`
            : nothing}</span>
          <span class=${d.standing === "Current" ? "muted small" : "badge warning"} data-testid="qualification-dgue-standing"
            >${t(`qualification.dgue.${d.standing}`, { day: d.confirmedOn ? formatDay(d.confirmedOn) : "" })}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}

export function qualificationView(data: AllianceQualificationDto | null, failed: boolean) {
  const body = () => {
    if (data === null) return failed ? loadErrorView() : loadingView();
    if (data.lots.length === 0)
      return html`<p class="muted small" data-testid="qualification-none">${t(data.allLots ? "qualification.none" : "qualification.noneBid")}</p>`;
    return html`<ol class="coverage-lots">${data.lots.map(lotView)}</ol>`;
  };
  return html`<section class="card qualification" aria-labelledby="qualification-title" data-testid="alliance-qualification">
    <h3 id="qualification-title">${t("qualification.title")}</h3>
    <p class="muted small">${t("qualification.intro")}</p>
    ${data && data.lots.length
      ? html`<p class="small" data-testid="qualification-scope" data-all=${data.allLots ? "true" : "false"}>${t(
          data.allLots ? "qualification.scopeAll" : "qualification.scopeBid",
        )}</p>`
      : nothing}
    ${body()}
    ${data && data.dgues.length ? dguesView(data.dgues) : nothing}
  </section>`;
}
