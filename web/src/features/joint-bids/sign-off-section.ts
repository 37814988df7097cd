// The sign-off and the submission. Each bidding firm (the lead and the members) approves the content it sees,
// named by its digest; any edit makes a new digest and voids every approval. Once all have approved the current
// digest and every quality criterion is answered, the lead's editors submit it as the alliance's sealed bid; its
// receipt is then shown to every firm (they hear of it live), and the lead may withdraw it.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, JointBidDto, NamedDto, TenderDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { roleBadge } from "../alliances/alliance-views";
import { formatDeadline } from "../tenders/dates";
import { copier, receiptView, type ReceiptTestids } from "../tenders/receipt-view";
import { signers, submitReadiness, type Readiness, type Signer } from "./sign-off";
import { statusView, type Status } from "./status";
import type { WorkspaceContext } from "./workspace-context";

const receiptTestids: ReceiptTestids = {
  root: "joint-receipt",
  time: "joint-receipt-time",
  digest: "joint-receipt-digest",
  withdrawn: "joint-receipt-withdrawn",
  match: "joint-receipt-match",
};

const names = (firms: readonly NamedDto[]): string => firms.map((f) => f.name).join(", ");

export function signOffSection(ws: WorkspaceContext) {
  let signStatus: Status | null = null;
  let submitStatus: Status | null = null;
  const copy = copier(ws.redraw);

  async function sign(firm: NamedDto, digest: string): Promise<void> {
    signStatus = null;
    const outcome = await ws.run(() => api.signJointBid(ws.allianceId, { firmId: firm.id, digest }), {
      done: () => t("jointBid.signOff.done", { firm: firm.name }),
    });
    if (!outcome) return;
    signStatus = outcome;
    ws.redraw();
  }

  async function submit(resubmit: boolean): Promise<void> {
    submitStatus = null;
    const outcome = await ws.run(() => api.submitJointBid(ws.allianceId), {
      done: () => t(resubmit ? "jointBid.submit.resubmitted" : "jointBid.submit.done"),
    });
    if (!outcome) return;
    submitStatus = outcome;
    ws.redraw();
  }

  async function withdraw(): Promise<void> {
    submitStatus = null;
    const outcome = await ws.run(() => api.withdrawJointBid(ws.allianceId), { done: () => t("jointBid.submit.withdrawn") });
    if (!outcome) return;
    submitStatus = outcome;
    ws.redraw();
  }

  function signerView(s: Signer, bid: JointBidDto, empty: boolean) {
    return html`<li class="signer ${s.state}" data-testid=${s.state === "signed" ? `signed-${s.firm.id}` : `awaiting-${s.firm.id}`}
      data-firm-id=${s.firm.id} data-state=${s.state}>
      <span class="signer-firm">${s.firm.name} ${s.role ? roleBadge(s.role) : nothing}
        ${s.mine ? html`<span class="badge mine">${t("alliance.yourFirm")}</span>` : nothing}</span>
      <span class="signer-state">
        ${s.state === "signed"
          ? html`<span class="badge signed-badge">✓ ${t("jointBid.signOff.signedAt", { when: formatDateTime(s.at ?? "") })}</span>`
          : html`<span class="badge pending">${t("jointBid.signOff.awaiting")}</span>`}
        ${s.canSign
          ? html`<button type="button" class="primary" data-testid="sign-bid" data-firm-id=${s.firm.id} ?disabled=${ws.busy() || empty}
              @click=${() => void sign(s.firm, bid.digest)}>${t("jointBid.signOff.sign", { firm: s.firm.name })}</button>`
          : nothing}
      </span>
    </li>`;
  }

  function missingView(r: Readiness, tender: TenderDto) {
    const lines: string[] = [];
    if (r.window === "notYet")
      lines.push(t("jointBid.submit.notYet", { from: formatDeadline(tender.enquiryDeadline), to: formatDeadline(tender.submissionDeadline) }));
    if (r.window === "closed") lines.push(t("jointBid.submit.closed"));
    if (r.empty) lines.push(t("jointBid.submit.empty"));
    else if (r.missingSignatures.length) lines.push(t("jointBid.submit.missingSignatures", { firms: names(r.missingSignatures) }));
    if (r.missingAnswers.length) lines.push(t("jointBid.submit.missingAnswers", { criteria: r.missingAnswers.map((c) => c.name).join(", ") }));
    if (lines.length) return html`<ul class="submit-missing" data-testid="submit-missing">${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
    return r.submitted === "current"
      ? html`<p class="ok-text small" data-testid="submitted-current">${t("jointBid.submit.current")}</p>`
      : html`<p class="ok-text small" data-testid="submit-ready">${t("jointBid.submit.ready")}</p>`;
  }

  function submissionView(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto) {
    const r = submitReadiness(bid, tender);
    const receipt = bid.receipt;
    return html`<div class="joint-submission" data-testid="joint-submission">
      <h4>${t("jointBid.submit.title")}</h4>
      ${receipt
        ? html`${receiptView(receipt, {
            testids: receiptTestids,
            withdrawn: false,
            matches: undefined,
            note: t("jointBid.submit.receiptNote", { lead: alliance.lead.name }),
            copier: copy,
          })}
          ${r.submitted === "changed"
            ? html`<p class="alert warn small" data-testid="changed-since-submission">${t("jointBid.submit.changedSince")}</p>`
            : nothing}`
        : html`<p class="muted small" data-testid="joint-not-submitted">${t("jointBid.submit.notSubmitted")}</p>`}
      ${alliance.canLead
        ? html`${missingView(r, tender)}
            <p class="actions">
              <button type="button" class="primary" data-testid="submit-joint-bid" ?disabled=${!r.ready || ws.busy()}
                @click=${() => void submit(receipt !== null)}>${t(receipt ? "jointBid.submit.resubmit" : "jointBid.submit.submit")}</button>
              ${receipt && r.window === "open"
                ? html`<button type="button" class="danger-outline" data-testid="withdraw-joint-bid" ?disabled=${ws.busy()}
                    @click=${() => void withdraw()}>${t("jointBid.submit.withdraw")}</button>`
                : nothing}
            </p>
            <p class="muted small">${t("jointBid.submit.hint")}</p>`
        : html`<p class="muted small">${t("jointBid.submit.leadOnly", { lead: alliance.lead.name })}</p>`}
      ${statusView(submitStatus, bid, "submit-status")}
    </div>`;
  }

  return {
    view(bid: JointBidDto, tender: TenderDto, alliance: AllianceDto, voided: readonly NamedDto[], dismissVoided: () => void) {
      const list = signers(bid, alliance, ws.roles());
      const empty = bid.workPackages.length === 0;
      const waitingOnViewer = list.filter((s) => s.mine && s.state === "awaiting" && !s.canSign);
      return html`<section class="card joint-sign-off" data-testid="sign-off" data-digest=${bid.digest} aria-labelledby="joint-sign-off-title">
        <div class="section-head">
          <h3 id="joint-sign-off-title">${t("jointBid.signOff.title")}</h3>
          <span class="muted small">${t("jointBid.signOff.count", { signed: list.filter((s) => s.state === "signed").length, total: list.length })}</span>
        </div>
        <p class="small">${t("jointBid.signOff.explain")}</p>
        <p class="small"><strong>${t("jointBid.signOff.voidRule")}</strong></p>
        ${voided.length
          ? html`<div class="alert warn signatures-voided" data-testid="signatures-voided" role="alert">
              <p>${t("jointBid.signOff.voided", { firms: names(voided) })}</p>
              <button type="button" class="link" @click=${dismissVoided}>${t("common.dismiss")}</button>
            </div>`
          : nothing}
        <div class="joint-digest-line">
          <span class="label">${t("jointBid.signOff.digest")}</span>
          <code class="digest" data-testid="joint-digest">${bid.digest}</code>
        </div>
        <ul class="signers" data-testid="signers">${list.map((s) => signerView(s, bid, empty))}</ul>
        ${empty ? html`<p class="muted small" data-testid="sign-empty">${t("jointBid.signOff.empty")}</p>` : nothing}
        ${waitingOnViewer.map((s) => html`<p class="muted small">${t("alliance.viewerOnly", { firm: s.firm.name })}</p>`)}
        ${statusView(signStatus, bid, "sign-status")}
        ${submissionView(bid, tender, alliance)}
      </section>`;
    },
  };
}
