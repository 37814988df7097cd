// How a tender's parts are shown: its status and stepper, deadlines with a countdown, lots, criteria, documents,
// amendments and the published outcome of each lot. Shared by the tender page and the lists.
import { html, nothing } from "lit-html";
import { cssProps } from "../../css-props";
import { api } from "../../api/client";
import type { DocumentDto, FoundLotDto, LotDto, MoneyDto, TenderDecisionDto, TenderDto, TenderStatus, TenderSummaryDto } from "../../api/types";
import { currentLanguage, formatDate, formatDateTime, localized, t, tn } from "../../i18n";
import { href } from "../../router";
import { comuneLabel } from "../businesses/format";
import { formatMoney } from "../showcase/showcase";
import { formatCountdown, formatDay, formatDeadline, localZone } from "./dates";
import { formatFileSize } from "./documents";
import { externalBadge, externalCriteriaView } from "./external";
import { lotRequirementsView } from "./lot-requirements";
import { tenderSteps } from "./status";

export const money = (value: MoneyDto): string => formatMoney(value, currentLanguage());

/** The status as a coloured badge; `testid` for the one that says where the tender is. */
export const tenderStatusBadge = (status: TenderStatus, testid?: string) =>
  html`<span class="badge tender-status-badge status-${status.toLowerCase()}" data-testid=${testid ?? nothing}
    data-status=${status}>${t(`tenderStatus.${status}`)}</span>`;

/** Bozza → Quesiti → Offerte → Apertura → Valutazione → Aggiudicata/Deserta → Conclusa. */
export function stepperView(tender: TenderDto) {
  const views = tenderSteps({ ...tender, awarded: tender.decisions.some((d) => d.bidId !== null) });
  return html`<ol class="stepper ${tender.status === "Cancelled" ? "cancelled" : ""}" aria-label=${t("tender.steps")} data-testid="tender-stepper">
    ${views.map(
      (v) => html`<li class="step ${v.state}" data-step=${v.step} aria-current=${v.state === "current" ? "step" : "false"}>
        <span class="marker" aria-hidden="true">${v.state === "done" ? "✓" : ""}</span>
        <span class="step-label">${v.status ? t(`tenderStatus.${v.status}`) : t("tender.step.outcome")}</span>
      </li>`,
    )}
    ${tender.status === "Cancelled"
      ? html`<li class="step current cancelled" data-step="Cancelled" aria-current="step">
          <span class="marker" aria-hidden="true">×</span><span class="step-label">${t("tenderStatus.Cancelled")}</span></li>`
      : nothing}
  </ol>`;
}

/**
 * One deadline: the date and time in the viewer's zone, and a live countdown while it is ahead. `closed` is the
 * server's word that the tender has moved past it, which wins over this computer's clock.
 */
function deadlineView(label: string, iso: string, now: number, testid: string, closed: boolean) {
  const passed = closed || Date.parse(iso) <= now;
  return html`<div class="deadline ${passed ? "passed" : ""}" data-testid=${testid} data-at=${iso}>
    <dt>${label}</dt>
    <dd>
      <time datetime=${iso}>${formatDeadline(iso)}</time>
      <span class="countdown" data-testid="${testid}-countdown">${passed ? t("tender.countdown.passed") : formatCountdown(iso, now)}</span>
    </dd>
  </div>`;
}

export function deadlinesView(tender: TenderDto, now: number) {
  const { contractStart: start, contractEnd: end } = tender;
  return html`<section class="card" aria-labelledby="tender-deadlines-title">
    <h2 id="tender-deadlines-title">${t("tender.deadlines")}</h2>
    <dl class="deadlines">
      ${deadlineView(t("tender.enquiryDeadline"), tender.enquiryDeadline, now, "enquiry-deadline", !["Draft", "Enquiries"].includes(tender.status))}
      ${deadlineView(t("tender.submissionDeadline"), tender.submissionDeadline, now, "submission-deadline",
        !["Draft", "Enquiries", "Tendering"].includes(tender.status))}
      ${start || end
        ? html`<div class="deadline contract">
            <dt>${t("tender.contract")}</dt>
            <dd>${start && end
              ? t("tender.contractFromTo", { start: formatDay(start), end: formatDay(end) })
              : start ? t("tender.contractFrom", { start: formatDay(start) }) : t("tender.contractTo", { end: formatDay(end ?? "") })}</dd>
          </div>`
        : nothing}
    </dl>
    <p class="muted small">${t("tender.localTime", { zone: localZone() })}</p>
  </section>`;
}

/** The reason the server gives, in English, to a lot nobody bid for when the bids are opened (TenderState.Open). */
const NO_BIDS_REASON = "No bids were received for this lot.";

/** The public outcome of a lot: the winners and price (an award notice), or why nobody won. */
/** @param rti The name of the RTI whose bid won, where the viewer knows it (one of its firms); its firms are named with it. */
export function outcomeText(decision: TenderDecisionDto, rti: string | null = null): string {
  const firms = decision.winners.map((w) => w.name).join(", ");
  if (decision.bidId)
    return t("tender.outcome.awarded", {
      winners: rti ? t("tender.outcome.rti", { rti, firms }) : firms,
      price: decision.price ? money(decision.price) : "",
    });
  return decision.reason === NO_BIDS_REASON
    ? t("tender.outcome.noBids")
    : t("tender.outcome.unsuccessful", { reason: decision.reason ?? "" });
}

/** The name of the viewer's own RTI that made this bid, or null (an RTI exists only for its firms). */
export type RtiOfBid = (bidId: string) => string | null;

/**
 * The award's standstill, for every bidder (art. 18 c. 3 D.Lgs. 36/2023): while it runs, the day the award becomes
 * final (no contract before it); once run, that it is final since then. Nothing when no standstill applied.
 */
export function standstillView(decision: TenderDecisionDto, lot: number, now: number = Date.now()) {
  if (!decision.bidId || !decision.standstillEnds) return nothing;
  const ends = decision.standstillEnds;
  const running = Date.parse(ends) > now;
  return html`<p class="standstill small ${running ? "running" : "over"}" data-testid="standstill-${lot}" data-running=${running ? "true" : "false"}>
    ${t(running ? "tender.standstill.running" : "tender.standstill.over", { date: formatDate(ends) })}</p>`;
}

function lotView(lot: LotDto, decision: TenderDecisionDto | undefined, rtiOf: RtiOfBid) {
  return html`<li class="lot" data-testid="tender-lot" data-lot=${lot.number}>
    <div class="lot-head">
      <h3>${t("tender.lot", { n: lot.number })} · ${lot.title}</h3>
      ${lot.estimatedValue
        ? html`<span class="lot-value" title=${t("tender.lotValue")}>${money(lot.estimatedValue)}</span>`
        : nothing}
    </div>
    ${lot.description ? html`<p class="description">${lot.description}</p>` : nothing}
    <dl class="facts lot-facts">
      ${lot.estimatedValue
        ? html`<div><dt>${t("tender.lotValue")}</dt><dd data-testid="lot-value">${money(lot.estimatedValue)}</dd></div>`
        : nothing}
      ${lot.comuneCode
        ? html`<div><dt>${t("tender.lotPlace")}</dt><dd data-testid="lot-comune">${lot.comuneName ?? lot.comuneCode}</dd></div>`
        : nothing}
    </dl>
    <ul class="capabilities lot-cpv" aria-label=${t("tender.lotCpv")} data-testid="lot-cpv">
      ${lot.cpv.map((c) => html`<li data-code=${c.code}><code>${c.code}</code> <span>${localized(c.labelIt, c.labelEn)}</span></li>`)}
    </ul>
    ${lotRequirementsView(lot)}
    ${decision
      ? html`<p class="lot-outcome ${decision.bidId ? "awarded" : "unsuccessful"}" data-testid="lot-outcome-${lot.number}">
          ${outcomeText(decision, decision.bidId ? rtiOf(decision.bidId) : null)}</p>
          ${standstillView(decision, lot.number)}`
      : nothing}
  </li>`;
}

export function lotsView(tender: TenderDto, rtiOf: RtiOfBid = () => null) {
  return html`<section class="card" aria-labelledby="tender-lots-title">
    <h2 id="tender-lots-title">${t("tender.lots")} <span class="count">${tender.lots.length}</span></h2>
    <ul class="lots">${tender.lots.map((lot) => lotView(lot, tender.decisions.find((d) => d.lot === lot.number), rtiOf))}</ul>
  </section>`;
}

export function termsView(tender: TenderDto) {
  const priceOnly = tender.criteria.length === 1 && tender.criteria[0]?.kind === "Price";
  return html`<section class="card" aria-labelledby="tender-terms-title">
    <h2 id="tender-terms-title">${t("tender.eligibility")}</h2>
    ${tender.eligibility.length
      ? html`<ul class="requirements" data-testid="tender-eligibility">${tender.eligibility.map((r) => html`<li>${r}</li>`)}</ul>`
      : html`<p class="muted" data-testid="tender-eligibility-none">${t(tender.lots.some((l) => l.requirements)
          ? "tender.eligibilityOnlyLots" : "tender.eligibilityNone")}</p>`}
    <h2 class="follows">${t("tender.criteria")}</h2>
    ${tender.external ? externalCriteriaView(tender) : criteriaView(tender, priceOnly)}
  </section>`;
}

function criteriaView(tender: TenderDto, priceOnly: boolean) {
  return html`<p class="criteria-mode" data-testid="tender-criteria-mode" data-mode=${priceOnly ? "price" : "weighted"}>
      <strong>${t(priceOnly ? "tenderForm.priceOnly" : "tenderForm.weighted")}</strong></p>
    ${priceOnly
      ? html`<p class="muted small">${t("tenderForm.priceOnlyHint")}</p>`
      : html`<ul class="criteria" data-testid="tender-criteria">
          ${tender.criteria.map(
            (c) => html`<li data-criterion=${c.number} data-kind=${c.kind}>
              <span class="criterion-name">${c.name} ${sameWords(c.name, t(`criterionKind.${c.kind}`))
                ? nothing
                : html`<span class="badge criterion-${c.kind.toLowerCase()}">${t(`criterionKind.${c.kind}`)}</span>`}</span>
              <span class="weight">${t("tender.criterionWeight", { weight: c.weight })}</span>
              <span class="bar" aria-hidden="true"><span ${cssProps({ width: `${c.weight}%` })}></span></span>
            </li>`,
          )}
        </ul>
        <p class="muted small">${t("tender.priceFormula")}</p>`}`;
}

export function documentLink(tenderId: string, d: DocumentDto, url = api.tenderDocumentUrl(tenderId, d.id)) {
  return html`<li class="document" data-testid="tender-document" data-document-id=${d.id}>
    <a href=${url} download=${d.name}>${d.name}</a>
    <span class="muted small">${formatFileSize(d.size, currentLanguage())}</span>
  </li>`;
}

export function documentsView(tender: TenderDto) {
  return html`<section class="card" aria-labelledby="tender-documents-title">
    <h2 id="tender-documents-title">${t("tender.documents")}</h2>
    ${tender.documents.length
      ? html`<ul class="documents">${tender.documents.map((d) => documentLink(tender.id, d))}</ul>`
      : html`<p class="muted">${t("tender.documentsNone")}</p>`}
    ${tender.status === "Draft" || tender.external
      ? nothing
      : html`<p class="muted small open-data">${t("tender.openData")}
          <a href=${`/api/tenders/${encodeURIComponent(tender.id)}/ocds`} download=${`ocds-${tender.id}.json`}
            data-testid="tender-ocds">${t("tender.openDataDownload")}</a> ·
          <a href=${`/api/tenders/${encodeURIComponent(tender.id)}/ocds/record`} download=${`ocds-record-${tender.id}.json`}
            data-testid="tender-ocds-record">${t("tender.openDataRecord")}</a></p>`}
  </section>`;
}

export function amendmentsView(tender: TenderDto) {
  if (tender.amendments.length === 0) return nothing;
  return html`<section class="card" aria-labelledby="tender-amendments-title" data-testid="tender-amendments">
    <h2 id="tender-amendments-title">${t("tender.amendments")} <span class="count">${tender.amendments.length}</span></h2>
    <ol class="amendments">
      ${[...tender.amendments].reverse().map(
        (a) => html`<li data-testid="tender-amendment" data-number=${a.number}>
          <p class="amendment-head"><strong>${t("tender.amendment", { n: a.number, when: formatDateTime(a.at) })}</strong>
            ${a.material ? html`<span class="badge warn">${t("tender.amendmentMaterial")}</span>` : nothing}</p>
          <p class="description">${a.summary}</p>
          <p class="muted small">${t("tender.amendmentDeadline", { when: formatDeadline(a.submissionDeadline) })}</p>
        </li>`,
      )}
    </ol>
  </section>`;
}

/** A tender in a list (a space's, a buyer's, a search's): title, buyer, status, deadline and lots; `more` below them. */
/** Lots a list names under a tender: "Lotto 1 · Impianti sanitari · Carpi (MO) · 120.000 €", one a line. */
export function namedLotsView(lots: readonly FoundLotDto[], label: string, testid: string, tenderId: string) {
  return html`<ul class="found-lots" aria-label=${label} data-testid=${testid} data-tender-id=${tenderId}>
    ${lots.map(
      (lot) => html`<li data-lot=${lot.number}>
        <span>${t("tenders.search.lot", { n: lot.number, title: lot.title })}</span>
        ${lot.comuneName ? html`<span class="muted">${comuneLabel(lot.comuneName, lot.provinceSigla ?? null)}</span>` : nothing}
        ${lot.estimatedValue ? html`<span class="lot-value">${money(lot.estimatedValue)}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

export function tenderItemView(s: TenderSummaryDto, showBuyer = true, more: unknown = nothing) {
  return html`<li class="tender-item" data-testid="tender-item" data-tender-id=${s.id} data-status=${s.status}>
    <div class="title-row">
      <a class="name" href=${href({ name: "tender", id: s.id })}>${s.title}</a>
      ${tenderStatusBadge(s.status)} ${externalBadge(s.external)}
    </div>
    <p class="meta">
      ${showBuyer ? html`<span>${t("tenders.list.by", { buyer: s.buyerName })}</span>` : nothing}
      <span>${tn("tenders.list.lots", s.lotCount)}</span>
      ${s.status === "Draft" ? nothing : html`<span>${t("tenders.list.deadline", { when: formatDateTime(s.submissionDeadline) })}</span>`}
    </p>
    ${s.cpv.length ? html`<p class="cpv-codes">${s.cpv.slice(0, 6).map((code) => html`<code>${code}</code>`)}${s.cpv.length > 6 ? "…" : ""}</p>` : nothing}
    ${more}
  </li>`;
}

/** Whether a criterion's name already says its kind ("Prezzo" and the badge "Prezzo" would read "Prezzo Prezzo"). */
const sameWords = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: "base" }) === 0;
