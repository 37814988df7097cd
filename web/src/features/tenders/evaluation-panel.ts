// The buyer's side of the bids. Before the deadline: the bids are sealed (the page says how many arrived, or
// that the count is kept hidden). After opening: per lot, the bids ranked by their weighted total, the quality
// scores to give, each bid's receipt digest checked against its stored content, and the decision; above them, the
// bids that failed the server's integrity check at opening (never ranked), with the reason; and the bids the buyer
// excluded (with the reason its firms read), which it may readmit until a lot they are for is decided.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { BidDgueDto, CriterionDto, ExcludedBidDto, IntegrityFailureDto, LotEvaluationDto, QuotaDto, RankedBidDto, RelianceDto, SoccorsoDto, SubcontractDto, TenderDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { currentLanguage, formatDateTime, formatNumber, t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { formatDeadline } from "./dates";
import { canAward, pointsOf, scoreRequests, shortDigest, undecided } from "./evaluation";
import { refusalText, refusedAction, refusedFor } from "../../i18n/refusals";
import { relianceWhat } from "../joint-bids/reliances";
import { dgueReadView, dgueStandingView } from "../qualifications/dgue-section";
import { soccorsoBuyer, type AskableBid } from "../soccorso/soccorso-buyer";
import { actsForBuyer } from "./tender-actions";
import type { TenderContext } from "./tender-context";
import { money, outcomeText } from "./tender-views";

type Status = { ok: boolean; text: () => string } | null;
type Check = "checking" | "matches" | "mismatch" | "unknown";

const bidderName = (bid: Pick<RankedBidDto, "tenderers" | "bidderId">): string => bid.tenderers.map((x) => x.name).join(", ") || bid.bidderId;

export function evaluationPanel(ctx: TenderContext) {
  let lots: LotEvaluationDto[] | null = null;
  let integrityFailures: IntegrityFailureDto[] = [];
  let exclusions: ExcludedBidDto[] = [];
  let soccorsi: SoccorsoDto[] = [];
  /** The bid whose exclusion is being written, under the lot it was picked in. */
  let excluding: { bid: RankedBidDto; lot: number } | null = null;
  let exclusionReason = "";
  let exclusionErrors: FieldErrors = {};
  let exclusionStatus: Status = null;
  let failed = false;
  /** Scores as typed, by bid and criterion; a bid's entry goes once its scores are saved. */
  const typed = new Map<string, Record<number, string>>();
  const rowStatus = new Map<string, Status>();
  const invalidScores = new Map<string, number[]>();
  let busy = false;
  /** Whether each opened bid's stored content still matches its receipt (GET bid, once per bid and digest). */
  const checks = new Map<string, Check>();
  /** A grouping's declared quotas, by bid, as the opened bid says them (read with the receipt check). */
  const quotas = new Map<string, QuotaDto[]>();
  /** A grouping's declared subcontracting, by bid, likewise. */
  const subcontracts = new Map<string, SubcontractDto[]>();
  /** The auxiliary firms a grouping relies on (avvalimento), by bid, likewise. */
  const reliances = new Map<string, RelianceDto[]>();
  /** Each firm's DGUE sealed with a grouping's bid, by bid, likewise. */
  const dgues = new Map<string, BidDgueDto[]>();
  let declaring: number | null = null;
  let reason = "";
  let reasonErrors: FieldErrors = {};
  const lotStatus = new Map<number, Status>();

  const load = latestOnly(
    () => api.evaluation(ctx.tenderId),
    (fresh) => {
      lots = fresh.lots;
      integrityFailures = fresh.integrityFailures;
      exclusions = fresh.exclusions;
      soccorsi = fresh.soccorsi;
      failed = false;
      for (const lot of fresh.lots) for (const bid of lot.ranking) verify(bid);
      ctx.redraw();
    },
    (error) => {
      // Still sealed while the bids are being opened: the page shows them once the tender says they are.
      if (!refusedFor(error, "bid.sealed")) failed = lots === null;
      ctx.redraw();
    },
  );

  function verify(bid: RankedBidDto): void {
    const key = `${bid.bidId}:${bid.digest}`;
    if (checks.has(key)) return;
    checks.set(key, "checking");
    api.bid(ctx.tenderId, bid.bidderId).then(
      (read) => {
        checks.set(key, read.matchesReceipt && read.receipt?.digest === bid.digest ? "matches" : "mismatch");
        quotas.set(bid.bidId, read.quotas);
        subcontracts.set(bid.bidId, read.subcontracts);
        reliances.set(bid.bidId, read.reliances);
        dgues.set(bid.bidId, read.dgues);
        ctx.redraw();
      },
      () => {
        checks.set(key, "unknown");
        ctx.redraw();
      },
    );
  }

  async function saveScores(bid: RankedBidDto, quality: readonly CriterionDto[]): Promise<void> {
    if (busy) return;
    const { requests, invalid } = scoreRequests(bid, quality, typed.get(bid.bidId) ?? {});
    invalidScores.set(bid.bidId, invalid);
    if (invalid.length > 0) {
      rowStatus.set(bid.bidId, { ok: false, text: () => t("evaluation.pointsInvalid") });
      ctx.redraw();
      return;
    }
    busy = true;
    rowStatus.delete(bid.bidId);
    ctx.redraw();
    try {
      let fresh: TenderDto | null = null;
      for (const request of requests) fresh = await api.scoreBid(ctx.tenderId, request);
      typed.delete(bid.bidId);
      rowStatus.set(bid.bidId, { ok: true, text: () => t("evaluation.saved") });
      if (fresh) ctx.accept(fresh);
      load();
    } catch (error) {
      const problem = refusedAction(error);
      const fieldErrors = error instanceof ApiError && error.status === 400 ? error.errors : null;
      const text = fieldErrors ? () => otherFieldMessages(fieldErrors, []).join(" ") : problem.text;
      rowStatus.set(bid.bidId, { ok: false, text });
      if (problem.reload) ctx.reload();
      load();
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function decide(lot: LotEvaluationDto, award: boolean): Promise<void> {
    if (busy) return;
    const best = lot.ranking[0];
    // Declaring a lot unsuccessful already asks for its reason on a second step; an award is one click away.
    if (award && best && !(await ctx.confirm(() => ({
      title: t("evaluation.confirmAward.title", { lot: lot.title, firm: bidderName(best) }),
      body: t("evaluation.confirmAward.body"),
      confirm: t("evaluation.confirmAward.yes"),
    })))) return;
    const body = award ? { lot: lot.lot, bidId: best?.bidId ?? null, reason: null } : { lot: lot.lot, bidId: null, reason: reason.trim() };
    reasonErrors = {};
    busy = true;
    lotStatus.delete(lot.lot);
    ctx.redraw();
    try {
      const fresh = await api.decideLot(ctx.tenderId, body);
      declaring = null;
      reason = "";
      ctx.accept(fresh);
      load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        reasonErrors = error.errors;
        const errors = reasonErrors;
        lotStatus.set(lot.lot, { ok: false, text: () => otherFieldMessages(errors, ["reason"]).join(" ") });
      } else {
        const problem = refusedAction(error);
        lotStatus.set(lot.lot, { ok: false, text: problem.text });
        if (problem.reload) ctx.reload();
        load();
      }
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function exclude(): Promise<void> {
    if (busy || !excluding) return;
    exclusionErrors = {};
    exclusionStatus = null;
    busy = true;
    ctx.redraw();
    try {
      const fresh = await api.excludeBid(ctx.tenderId, { bidId: excluding.bid.bidId, reason: exclusionReason.trim() });
      excluding = null;
      exclusionReason = "";
      ctx.accept(fresh);
      load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        exclusionErrors = error.errors;
        const errors = exclusionErrors;
        exclusionStatus = { ok: false, text: () => otherFieldMessages(errors, ["reason"]).join(" ") };
      } else {
        const problem = refusedAction(error);
        exclusionStatus = { ok: false, text: problem.text };
        if (problem.reload) ctx.reload();
        load();
      }
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  async function readmit(excluded: ExcludedBidDto): Promise<void> {
    if (busy) return;
    if (!(await ctx.confirm(() => ({
      title: t("evaluation.confirmReadmit.title", { firm: bidderName(excluded) }),
      body: t("evaluation.confirmReadmit.body"),
      confirm: t("evaluation.readmit"),
    })))) return;
    busy = true;
    exclusionStatus = null;
    ctx.redraw();
    try {
      ctx.accept(await api.readmitBid(ctx.tenderId, excluded.bidId));
    } catch (error) {
      const problem = refusedAction(error);
      exclusionStatus = { ok: false, text: problem.text };
      if (problem.reload) ctx.reload();
    } finally {
      busy = false;
      load();
      ctx.redraw();
    }
  }

  function exclusionForm(lot: LotEvaluationDto) {
    if (!excluding || excluding.lot !== lot.lot) return nothing;
    const { bid } = excluding;
    const messages = fieldMessages(exclusionErrors, "reason");
    const id = `exclusion-reason-${lot.lot}`;
    return html`<form class="exclusion-form" data-testid="exclusion-form" novalidate
      @submit=${(e: SubmitEvent) => { e.preventDefault(); void exclude(); }}>
      <h4>${t("evaluation.excludeTitle", { firm: bidderName(bid) })}</h4>
      <div class="field">
        <label for=${id}>${t("evaluation.excludeReason")}</label>
        <textarea id=${id} data-testid="exclusion-reason" rows="3" maxlength="2000" .value=${live(exclusionReason)}
          @input=${(e: InputEvent) => (exclusionReason = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${id}-error` : undefined)}></textarea>
        <small class="hint">${t("evaluation.excludeHint")}</small>
        ${fieldErrorView("reason", messages, `${id}-error`)}
      </div>
      <p class="actions">
        <button type="submit" class="danger" data-testid="exclusion-confirm" ?disabled=${busy}>${t("evaluation.excludeConfirm")}</button>
        <button type="button" ?disabled=${busy} @click=${() => { excluding = null; exclusionStatus = null; ctx.redraw(); }}>${t("common.back")}</button>
      </p>
      ${exclusionStatus ? html`<p class="status error" role="status">${exclusionStatus.text()}</p>` : nothing}
    </form>`;
  }

  function exclusionsView(tender: TenderDto) {
    if (exclusions.length === 0) return nothing;
    return html`<section class="exclusions" data-testid="exclusions">
      <h3>${t("evaluation.excludedTitle")}</h3>
      <p class="small muted">${t("evaluation.excludedIntro")}</p>
      <ul>
        ${exclusions.map((x) => html`<li data-testid="excluded-bid" data-bidder-id=${x.bidderId} data-bid-id=${x.bidId}>
          <strong>${bidderName(x)}</strong>
          <span class="muted small">${t("evaluation.excludedAt", { when: formatDateTime(x.at) })} ·
            ${t("evaluation.excludedPrices", { prices: x.lots.map((l) => `${t("tender.lot", { n: l.lot })} ${money(l.price)}`).join(", ") })}</span>
          <span class="exclusion-reason" data-testid="excluded-reason">${x.reason}</span>
          ${tender.status !== "Evaluation"
            ? nothing
            : x.standsForLot !== null
              ? html`<span class="muted small" data-testid="exclusion-stands">${refusalText("tender.exclusionStands", { lot: String(x.standsForLot) })}</span>`
              : html`<button type="button" data-testid="readmit" ?disabled=${busy} @click=${() => void readmit(x)}>
                  ${t("evaluation.readmit")}</button>`}
        </li>`)}
      </ul>
      ${!excluding && exclusionStatus ? html`<p class="status error" role="status">${exclusionStatus.text()}</p>` : nothing}
    </section>`;
  }

  function scoreCell(bid: RankedBidDto, c: CriterionDto, editable: boolean) {
    const points = pointsOf(bid, c.number);
    const mine = typed.get(bid.bidId);
    const value = mine?.[c.number] ?? (points === undefined ? "" : formatNumber(points, 2));
    const invalid = invalidScores.get(bid.bidId)?.includes(c.number) ?? false;
    if (!editable) return html`<td class="num" data-label=${c.name}><span>${points === undefined ? "—" : formatNumber(points, 2)}</span></td>`;
    return html`<td class="num score" data-label="${c.name} (${c.weight})">
      <input type="text" inputmode="decimal" data-testid="score-${c.number}" data-criterion=${c.number} .value=${live(value)}
        aria-label=${t("evaluation.scoreLabel", { criterion: c.name, firm: bidderName(bid) })} aria-invalid=${invalid ? "true" : "false"}
        placeholder="0–100"
        @input=${(e: InputEvent) => {
          typed.set(bid.bidId, { ...(typed.get(bid.bidId) ?? {}), [c.number]: (e.target as HTMLInputElement).value });
        }} />
    </td>`;
  }

  /** The grouping's participation and execution quotas in this lot, as sealed in its bid. */
  function quotasOf(bidId: string, lot: number) {
    const inLot = (quotas.get(bidId) ?? []).filter((q) => q.lot === lot);
    if (inLot.length === 0) return nothing;
    return html`<span class="small bid-quotas" data-testid="bid-quotas">${t("jointBid.quotas.declared")}:
      ${inLot.map((q) => html`<span class="bid-quota" data-testid="bid-quota" data-firm-id=${q.firm.id}>${t("jointBid.quotas.line", {
        firm: q.firm.name,
        participation: formatNumber(q.participation, 2),
        execution: formatNumber(q.execution, 2),
      })}</span>`)}</span>`;
  }

  /** The grouping's declared subcontracting in this lot, as sealed in its bid: the work, the share and who carries it out. */
  function subcontractsOf(bidId: string, lot: number) {
    const inLot = (subcontracts.get(bidId) ?? []).filter((d) => d.lot === lot);
    if (inLot.length === 0) return nothing;
    const lang = currentLanguage();
    return html`<span class="small bid-quotas" data-testid="bid-subcontracts">${t("jointBid.subcontracts.declared")}:
      ${inLot.map((d) => html`<span class="bid-quota" data-testid="bid-subcontract">${t("jointBid.subcontracts.line", {
        lot: d.lot,
        work: d.category ? `${d.category} · ${lang === "it" ? d.categoryIt : d.categoryEn}` : d.packageTitle ?? "",
        percent: formatNumber(d.percent, 2),
        who: d.firm?.name ?? d.name ?? t("jointBid.subcontracts.later"),
      })}</span>`)}</span>`;
  }

  /** The auxiliary firms the grouping relies on in this lot, as sealed in its bid: each jointly liable, with its commitment. */
  function reliancesOf(bidId: string, lot: number) {
    const inLot = (reliances.get(bidId) ?? []).filter((r) => r.lot === lot);
    if (inLot.length === 0) return nothing;
    return html`<span class="small bid-quotas" data-testid="bid-reliances">${t("jointBid.reliances.declared")}:
      ${inLot.map((r) => html`<span class="bid-quota" data-testid="bid-reliance" data-auxiliary-id=${r.auxiliary.id}>${t("jointBid.reliances.sealedLine", {
        auxiliary: r.auxiliary.name,
        what: relianceWhat(r),
        firm: r.relyingFirm.name,
      })} · <span class="badge" data-testid="bid-reliance-liable">${t("jointBid.reliances.jointlyLiable")}</span>
        · ${r.commitment
          ? t("jointBid.reliances.committed", { when: formatDateTime(r.commitment.at) })
          : t("jointBid.reliances.notCommitted")}</span>`)}</span>`;
  }

  /** The DGUE of each firm of the bid, as sealed with it: folded, one per firm, for the buyer to open. */
  function dguesOf(bidId: string) {
    const sealed = dgues.get(bidId) ?? [];
    if (sealed.length === 0) return nothing;
    return html`<span class="small bid-quotas" data-testid="bid-dgues">${sealed.map(
      (d) => html`<details class="bid-dgue" data-testid="bid-dgue" data-firm-id=${d.firm.id}>
        <summary>${t("dgue.sealedOf", { firm: d.firm.name })}</summary>
        ${dgueStandingView(d.dgue)} ${dgueReadView(d.dgue)}
      </details>`,
    )}</span>`;
  }

  function rowView(tender: TenderDto, lot: LotEvaluationDto, bid: RankedBidDto, quality: readonly CriterionDto[]) {
    const price = tender.criteria.find((c) => c.kind === "Price");
    const editable = undecided(lot) && tender.status === "Evaluation";
    const check = checks.get(`${bid.bidId}:${bid.digest}`) ?? "checking";
    const status = rowStatus.get(bid.bidId);
    return html`<tr data-testid="ranked-bid" data-bidder-id=${bid.bidderId} data-bid-id=${bid.bidId} data-rank=${bid.rank}
      data-complete=${bid.complete ? "true" : "false"} class=${lot.decision?.bidId === bid.bidId ? "winner" : ""}>
      <td class="num rank" data-label=${t("evaluation.rank")}><span>${bid.rank}</span></td>
      <td class="bidder" data-label=${t("evaluation.bidder")}>
        <span><strong>${bidderName(bid)}</strong>
          <span class="muted small received">${t("evaluation.receivedAt", { when: formatDateTime(bid.receivedAt) })}</span>
          ${quotasOf(bid.bidId, lot.lot)}
          ${subcontractsOf(bid.bidId, lot.lot)}
          ${reliancesOf(bid.bidId, lot.lot)}
          ${dguesOf(bid.bidId)}
          ${editable
            ? html`<button type="button" class="exclude-bid" data-testid="exclude" ?disabled=${busy}
                aria-label=${t("evaluation.excludeLabel", { firm: bidderName(bid) })}
                @click=${() => { excluding = { bid, lot: lot.lot }; exclusionReason = ""; exclusionErrors = {}; exclusionStatus = null; ctx.redraw(); }}>
                ${t("evaluation.exclude")}</button>`
            : nothing}</span>
      </td>
      <td class="num" data-label=${t("evaluation.price")}><span data-testid="ranked-price">${money(bid.price)}</span></td>
      <td class="num" data-label=${t("evaluation.pricePoints")}><span>${price && pointsOf(bid, price.number) !== undefined ? formatNumber(pointsOf(bid, price.number)!, 2) : "—"}</span></td>
      ${quality.map((c) => scoreCell(bid, c, editable))}
      <td class="num total" data-label=${t("evaluation.total")}><strong data-testid="ranked-total">${formatNumber(bid.total, 2)}</strong></td>
      <td data-label=${t("evaluation.state")}>
        <span class="badge ${bid.complete ? "complete" : "pending"}" data-testid="bid-complete" data-complete=${bid.complete ? "true" : "false"}>
          ${bid.complete ? html`<span aria-hidden="true">✓ </span>${t("evaluation.complete")}` : t("evaluation.incomplete")}</span>
      </td>
      <td data-label=${t("evaluation.receipt")}>
        <span class="receipt-check">
          <code title=${bid.digest} data-testid="ranked-digest">${shortDigest(bid.digest)}</code>
          <span class="check-state ${check}" data-testid="receipt-check" data-state=${check}>${t(`evaluation.check.${check}`)}</span>
        </span>
      </td>
      ${quality.length && editable
        ? html`<td class="row-actions" data-label="">
            <span>
              <button type="button" data-testid="save-scores" ?disabled=${busy} @click=${() => void saveScores(bid, quality)}>
                ${t("evaluation.saveScores")}</button>
              ${status ? html`<span class="status ${status.ok ? "ok" : "error"} small" role="status">${status.text()}</span>` : nothing}
            </span>
          </td>`
        : nothing}
    </tr>`;
  }

  function decisionView(tender: TenderDto, lot: LotEvaluationDto) {
    if (lot.decision) {
      return html`<p class="decision ${lot.decision.bidId ? "awarded" : "unsuccessful"}" data-testid="decision-${lot.lot}"
        data-outcome=${lot.decision.bidId ? "awarded" : "unsuccessful"}>
        ${outcomeText(lot.decision)} <span class="muted small">${formatDateTime(lot.decision.at)}</span></p>`;
    }
    if (tender.status !== "Evaluation") return nothing;
    const best = lot.ranking[0];
    const ready = canAward(lot);
    const status = lotStatus.get(lot.lot);
    const messages = declaring === lot.lot ? fieldMessages(reasonErrors, "reason") : [];
    const reasonId = `unsuccessful-reason-${lot.lot}`;
    return html`<div class="decide" data-testid="decide-${lot.lot}">
      <p class="actions">
        ${best
          ? html`<button type="button" class="primary" data-testid="award-${lot.lot}" ?disabled=${!ready || busy}
              @click=${() => void decide(lot, true)}>${t("evaluation.award", { firm: bidderName(best) })}</button>`
          : nothing}
        ${declaring === lot.lot
          ? nothing
          : html`<button type="button" class="danger-outline" data-testid="unsuccessful-${lot.lot}" ?disabled=${busy}
              @click=${() => { declaring = lot.lot; reason = ""; reasonErrors = {}; ctx.redraw(); }}>${t("evaluation.unsuccessful")}</button>`}
      </p>
      ${best && !ready ? html`<p class="muted small">${t("evaluation.awardHint")}</p>` : nothing}
      ${declaring === lot.lot
        ? html`<form class="unsuccessful-form" novalidate @submit=${(e: SubmitEvent) => { e.preventDefault(); void decide(lot, false); }}>
            <div class="field">
              <label for=${reasonId}>${t("evaluation.unsuccessfulReason")}</label>
              <textarea id=${reasonId} data-testid=${reasonId} rows="2" maxlength="4000" .value=${live(reason)}
                @input=${(e: InputEvent) => (reason = (e.target as HTMLTextAreaElement).value)}
                aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${reasonId}-error` : undefined)}></textarea>
              <small class="hint">${t("evaluation.unsuccessfulHint")}</small>
              ${fieldErrorView("reason", messages, `${reasonId}-error`)}
            </div>
            <p class="actions">
              <button type="submit" class="danger" data-testid="unsuccessful-confirm-${lot.lot}" ?disabled=${busy}>
                ${t("evaluation.unsuccessfulConfirm")}</button>
              <button type="button" ?disabled=${busy} @click=${() => { declaring = null; ctx.redraw(); }}>${t("common.back")}</button>
            </p>
          </form>`
        : nothing}
      ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status">${status.text()}</p>` : nothing}
    </div>`;
  }

  function integrityView() {
    if (integrityFailures.length === 0) return nothing;
    return html`<section class="integrity-failures" data-testid="integrity-failures" role="alert">
      <h3>${t("evaluation.integrityTitle")}</h3>
      <p class="small">${t("evaluation.integrityIntro")}</p>
      <ul>
        ${integrityFailures.map((f) => html`<li data-testid="integrity-failure" data-bidder-id=${f.bidderId} data-reason=${f.reason}>
          <strong>${f.bidderName || f.bidderId}</strong>
          <span data-testid="integrity-reason">${t(`evaluation.integrity.${f.reason}`)}</span>
          <span class="muted small">${f.digest
            ? html`${t("evaluation.integrityReceipt")} <code title=${f.digest}>${shortDigest(f.digest)}</code>`
            : t("evaluation.integrityNoReceipt")}${f.receivedAt ? html` · ${t("evaluation.receivedAt", { when: formatDateTime(f.receivedAt) })}` : nothing}</span>
        </li>`)}
      </ul>
    </section>`;
  }

  function lotView(tender: TenderDto, lot: LotEvaluationDto) {
    const quality = tender.criteria.filter((c) => c.kind === "Quality");
    return html`<section class="evaluation-lot" data-testid="evaluation-lot" data-lot=${lot.lot}>
      <h3>${t("evaluation.lot", { n: lot.lot, title: lot.title })}</h3>
      ${lot.ranking.length === 0
        ? html`<p class="muted">${t("evaluation.noBids")}</p>`
        : html`<div class="table-wrap">
            <table class="ranking">
              <thead>
                <tr>
                  <th class="num">${t("evaluation.rank")}</th>
                  <th>${t("evaluation.bidder")}</th>
                  <th class="num">${t("evaluation.price")}</th>
                  <th class="num">${t("evaluation.pricePoints")}</th>
                  ${quality.map((c) => html`<th class="num">${c.name} <span class="muted">(${c.weight})</span></th>`)}
                  <th class="num">${t("evaluation.total")}</th>
                  <th>${t("evaluation.state")}</th>
                  <th>${t("evaluation.receipt")}</th>
                  ${quality.length && undecided(lot) && tender.status === "Evaluation" ? html`<th><span class="visually-hidden">${t("evaluation.saveScores")}</span></th>` : nothing}
                </tr>
              </thead>
              <tbody>${lot.ranking.map((bid) => rowView(tender, lot, bid, quality))}</tbody>
            </table>
          </div>`}
      ${exclusionForm(lot)}
      ${decisionView(tender, lot)}
    </section>`;
  }

  const soccorso = soccorsoBuyer(ctx, () => load());

  /** Each admissible bid once, in the order of the lots' rankings: the bids a request may go to. */
  const askable = (all: readonly LotEvaluationDto[]): AskableBid[] => [
    ...new Map(all.flatMap((l) => l.ranking).map((b) => [b.bidId, { bidId: b.bidId, bidderId: b.bidderId, name: bidderName(b) }])).values(),
  ];

  return {
    load: () => load(),
    /** Before opening: the bids are sealed; how many arrived is said only when the tender discloses it. */
    sealedView(tender: TenderDto) {
      if (!actsForBuyer(tender) || (tender.status !== "Enquiries" && tender.status !== "Tendering")) return nothing;
      return html`<section class="card sealed" data-testid="bid-sealed-notice" data-count=${tender.receiptCount ?? "hidden"}>
        <h2>${t("evaluation.sealedTitle")}</h2>
        <p>${t("evaluation.sealed", { when: formatDeadline(tender.submissionDeadline) })}</p>
        <p class="sealed-count"><strong>${tender.receiptCount === null
          ? t("evaluation.receiptsHidden")
          : tn("evaluation.receipts", tender.receiptCount)}</strong></p>
      </section>`;
    },
    view(tender: TenderDto) {
      if (!actsForBuyer(tender) || !tender.bidsOpened) return nothing;
      return html`<section class="card evaluation" data-testid="evaluation" aria-labelledby="evaluation-title">
        <div class="section-head">
          <h2 id="evaluation-title">${t("evaluation.title")}</h2>
          ${tender.receiptCount !== null ? html`<span class="muted small">${tn("evaluation.opened", tender.receiptCount)}</span>` : nothing}
        </div>
        ${tender.status === "Opening"
          ? html`<p class="muted">${t("evaluation.opening")}</p>`
          : html`<p class="muted small">${t("evaluation.intro")}</p>
              ${failed ? loadErrorView() : lots === null ? loadingView() : [integrityView(), exclusionsView(tender), lots.map((lot) => lotView(tender, lot)),
                  soccorso.view(tender, askable(lots), soccorsi)]}`}
      </section>`;
    },
    dispose: () => load.cancel(),
  };
}
