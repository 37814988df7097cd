// The sign-off and the submission. Each bidding firm (the lead and the members) approves the content it sees,
// named by its digest; any edit makes a new digest and voids every approval. Once all have approved the current
// digest and every quality criterion is answered, the lead's editors submit it as the alliance's sealed bid; its
// receipt is then shown to every firm (they hear of it live), and the lead may withdraw it. Who may sign, submit and
// withdraw, and every reason the lead may not submit yet, are the server's answer (JointBidDto.actions, viewerFirms).
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, JointBidDto, NamedDto } from "../../api/types";
import { allows, blockersOf, offers } from "../../api/viewer-actions";
import { formatDateTime, t } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { roleBadge } from "../alliances/alliance-views";
import { copier, receiptView, type ReceiptTestids } from "../tenders/receipt-view";
import { signers, type Signer } from "./sign-off";
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

/** A blocker in the reader's language (the type check makes sure every code has a text). */
const blockerText = (b: { code: string; args: Record<string, string> }): string => refusalText(b.code, b.args) ?? b.code;

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
    const [alliance, tender, bid] = [ws.alliance(), ws.tender(), ws.bid()];
    // The firms named are those whose approval the bid carries: the ones it is submitted for.
    const firms = alliance && bid ? names(signers(bid, alliance).map((s) => s.firm)) : "";
    const sure = await ws.confirm(() => ({
      title: t(resubmit ? "jointBid.submit.confirm.titleAgain" : "jointBid.submit.confirm.title", { tender: tender?.title ?? "" }),
      body: t("jointBid.submit.confirm.body", { firms, deadline: tender ? formatDateTime(tender.submissionDeadline) : "" }),
      confirm: t(resubmit ? "jointBid.submit.resubmit" : "jointBid.submit.submit"),
    }));
    if (!sure) return;
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

  function signerView(s: Signer, bid: JointBidDto) {
    // Nothing to sign yet and a closed tender are said once, for the whole section.
    const signing = s.actions !== null && offers(s.actions, "Sign");
    const why = s.actions && blockersOf(s.actions, "Sign").find((b) => b.code !== "jointBid.nothingToSign" && b.code !== "jointBid.closed");
    return html`<li class="signer ${s.state}" data-testid=${s.state === "signed" ? `signed-${s.firm.id}` : `awaiting-${s.firm.id}`}
      data-firm-id=${s.firm.id} data-state=${s.state}>
      <span class="signer-firm">${s.firm.name} ${s.role ? roleBadge(s.role) : nothing}
        ${s.mine ? html`<span class="badge mine">${t("alliance.yourFirm")}</span>` : nothing}</span>
      <span class="signer-state">
        ${s.state === "signed"
          ? html`<span class="badge signed-badge">✓ ${t("jointBid.signOff.signedAt", { when: formatDateTime(s.at ?? "") })}</span>`
          : html`<span class="badge pending">${t("jointBid.signOff.awaiting")}</span>`}
        ${signing
          ? html`<button type="button" class="primary" data-testid="sign-bid" data-firm-id=${s.firm.id} ?disabled=${ws.busy() || !allows(s.actions!, "Sign")}
              @click=${() => void sign(s.firm, bid.digest)}>${t("jointBid.signOff.sign", { firm: s.firm.name })}</button>`
          : nothing}
      </span>
      ${why ? html`<span class="muted small" data-testid="sign-blocked">${blockerText(why)}</span>` : nothing}
    </li>`;
  }

  /** Why the lead may not submit yet, as the server lists it: the signatures still awaited are named, and a bid without work packages says so. */
  function missingView(bid: JointBidDto) {
    const blockers = blockersOf(bid.actions, "Submit");
    if (blockers.some((b) => b.code === "jointBid.alreadySubmitted"))
      return html`<p class="ok-text small" data-testid="submitted-current">${t("jointBid.submit.current")}</p>`;
    const lines = blockers.map((b) =>
      b.code === "jointBid.unsigned"
        ? bid.workPackages.length === 0
          ? t("jointBid.submit.empty")
          : t("jointBid.submit.missingSignatures", { firms: names(bid.awaitingSignature) })
        : blockerText(b),
    );
    if (lines.length) return html`<ul class="submit-missing" data-testid="submit-missing">${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
    return html`<p class="ok-text small" data-testid="submit-ready">${t("jointBid.submit.ready")}</p>`;
  }

  function submissionView(bid: JointBidDto, alliance: AllianceDto) {
    const receipt = bid.receipt;
    // Submitting is the lead's: anyone else is offered neither the action nor its reasons.
    const lead = offers(bid.actions, "Submit");
    // An opportunity published on the buyer's own platform takes its bids there: what is said of submitting here is not true of it.
    const external = ws.tender()?.external != null;
    const elsewhere = html`<p class="muted small" data-testid="joint-submit-elsewhere">${t("jointBid.submit.external", { lead: alliance.lead.name })}</p>`;
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
          ${bid.changedSinceSubmission
            ? html`<p class="alert warn small" data-testid="changed-since-submission">${t("jointBid.submit.changedSince")}</p>`
            : nothing}`
        : html`<p class="muted small" data-testid="joint-not-submitted">${t("jointBid.submit.notSubmitted")}</p>`}
      ${lead
        ? html`${missingView(bid)}
            <p class="actions">
              <button type="button" class="primary" data-testid="submit-joint-bid" ?disabled=${!allows(bid.actions, "Submit") || ws.busy()}
                @click=${() => void submit(receipt !== null)}>${t(receipt ? "jointBid.submit.resubmit" : "jointBid.submit.submit")}</button>
              ${allows(bid.actions, "Withdraw")
                ? html`<button type="button" class="danger-outline" data-testid="withdraw-joint-bid" ?disabled=${ws.busy()}
                    @click=${() => void withdraw()}>${t("jointBid.submit.withdraw")}</button>`
                : nothing}
            </p>
            ${external ? elsewhere : html`<p class="muted small">${t("jointBid.submit.hint")}</p>`}`
        : external
          ? elsewhere
          : html`<p class="muted small">${t("jointBid.submit.leadOnly", { lead: alliance.lead.name })}</p>`}
      ${statusView(submitStatus, bid, "submit-status")}
    </div>`;
  }

  return {
    view(bid: JointBidDto, alliance: AllianceDto, voided: readonly NamedDto[], dismissVoided: () => void) {
      const list = signers(bid, alliance);
      const empty = bid.workPackages.length === 0;
      const waitingOnViewer = list.filter((s) => s.mine && s.state === "awaiting" && s.actions === null);
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
        ${empty
          ? nothing
          : html`<p class="small joint-package">${t("jointBid.package.intro")}
              <a href=${`/api/alliances/${encodeURIComponent(bid.allianceId)}/bid/package`} download data-testid="joint-package"
                >${t("jointBid.package.download")}</a></p>`}
        <ul class="signers" data-testid="signers">${list.map((s) => signerView(s, bid))}</ul>
        ${empty ? html`<p class="muted small" data-testid="sign-empty">${t("jointBid.signOff.empty")}</p>` : nothing}
        ${waitingOnViewer.map((s) => html`<p class="muted small">${t("alliance.viewerOnly", { firm: s.firm.name })}</p>`)}
        ${statusView(signStatus, bid, "sign-status")}
        ${submissionView(bid, alliance)}
      </section>`;
    },
  };
}
