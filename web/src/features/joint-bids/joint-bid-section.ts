// An alliance's workspace (on its page, for an alliance formed for a tender, to the people of its active firms):
// who is here now, the coverage of the tender's CPV codes, the joint bid's work packages with the lots' totals and
// the firms' shares, the answers to the quality criteria, the firms' documents, the sign-off of one digest by every
// bidding firm, and the lead's submission with its receipt. Live over the alliance's group (the page forwards it):
// JointBidChanged carries the change, applied as it comes with the viewer's firm's part (live-change.ts), or else
// reloads the joint bid (debounced); PresenceChanged says who is here; a form being typed in is never overwritten.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { AllianceDto, AllianceQualificationDto, CoverageDto, JointBidDto, NamedDto, TenderDto } from "../../api/types";
import { debounce } from "../../debounce";
import { otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import { liveStep } from "./live-change";
import {
  watchTender,
  type JointBidActionsChange,
  type JointBidChange,
  type LiveState,
  type PresenceChange,
  type WorkspaceViewer,
} from "../../realtime/hub";
import { loadErrorView, loadingView } from "../../views";
import type { AllianceContext } from "../alliances/alliance-context";
import { canWatch } from "../alliances/alliance-rules";
import { currentUser } from "../auth/session";
import { formatDeadline } from "../tenders/dates";
import { answersSection } from "./answers-section";
import { coverageView } from "./coverage-view";
import { qualificationView } from "./qualification-view";
import { documentsSection } from "./documents-section";
import { presenceBar } from "./presence-bar";
import { refusedAction, refusedFor } from "../../i18n/refusals";
import { allows } from "../../api/viewer-actions";
import { sameId } from "../../ids";
import { quotasSection } from "./quotas-section";
import { subcontractsSection } from "./subcontracts-section";
import { reliancesSection } from "./reliances-section";
import { sharesView } from "./shares-view";
import { suggestionsSection } from "./suggestions-section";
import { currentSignOffs, submissionChanged, voidedSignatures } from "./sign-off";
import { signOffSection } from "./sign-off-section";
import { workPackagesTable } from "./work-packages-table";
import type { JointOutcome, JointRunOptions, WorkspaceContext } from "./workspace-context";

/** Several changes in a burst (a colleague saving answer after answer) bring one reload. */
const RELOAD_MS = 300;

export function jointBidSection(ctx: AllianceContext) {
  let bid: JointBidDto | null = null;
  let bidFailed = false;
  let tender: TenderDto | null = null;
  let tenderFailed = false;
  let coverage: CoverageDto | null = null;
  let coverageFailed = false;
  let qualification: AllianceQualificationDto | null = null;
  let qualificationFailed = false;
  /** Who is here, as PresenceChanged last said; null until it has. */
  let viewers: WorkspaceViewer[] | null = null;
  let live: LiveState = "connecting";
  /** The viewer's firms whose approval an edit voided, until they approve again or the notice is closed. */
  let voided: NamedDto[] = [];
  let busy = false;
  /** The tender followed, once the workspace has started. */
  let tenderId: string | null = null;
  /** The alliance's version the coverage was loaded for: its firms, and so its coverage, change with it. */
  let allianceVersion: number | null = null;
  let unwatchTender: (() => void) | null = null;
  /** The last change heard and the last part heard for the viewer's firm, until they are shown. */
  let heardChange: JointBidChange | null = null;
  let heardPart: JointBidActionsChange | null = null;

  const loadBid = latestOnly(
    () => api.jointBid(ctx.allianceId),
    (fresh) => accept(fresh),
    (error) => {
      // The viewer's firm is no longer active in it: the page finds out, and says so.
      if (error instanceof ApiError && error.status === 404) ctx.reload();
      bidFailed = bid === null;
      ctx.redraw();
    },
  );
  const reloadBid = debounce(() => loadBid(), RELOAD_MS);

  const loadTender = latestOnly(
    (id: string) => api.tender(id),
    (fresh) => {
      tender = fresh;
      tenderFailed = false;
      ctx.redraw();
    },
    () => {
      tenderFailed = tender === null;
      ctx.redraw();
    },
  );

  const loadQualification = latestOnly(
    () => api.allianceQualification(ctx.allianceId),
    (fresh) => {
      qualification = fresh;
      qualificationFailed = false;
      ctx.redraw();
    },
    () => {
      qualificationFailed = qualification === null;
      ctx.redraw();
    },
  );

  const loadCoverage = latestOnly(
    () => api.allianceCoverage(ctx.allianceId),
    (fresh) => {
      coverage = fresh;
      coverageFailed = false;
      ctx.redraw();
    },
    () => {
      coverageFailed = coverage === null;
      ctx.redraw();
    },
  );

  const ws: WorkspaceContext = {
    allianceId: ctx.allianceId,
    alliance: ctx.alliance,
    tender: () => tender,
    bid: () => bid,
    busy: () => busy,
    editable: () => (bid ? allows(bid.actions, "Edit") : false),
    run,
    confirm: ctx.confirm,
    answerThread: ctx.answerThread,
    redraw: ctx.redraw,
  };
  const packages = workPackagesTable(ws);
  const answers = answersSection(ws);
  const quotas = quotasSection(ws);
  const subcontracts = subcontractsSection(ws);
  const reliances = reliancesSection(ws);
  const documents = documentsSection(ws);
  const signOff = signOffSection(ws);
  const suggestions = suggestionsSection(ctx);

  /**
   * A joint bid from the server (an action's answer or a reload): shown unless older than the one on screen (the
   * versions only grow), the viewer told when it voided their firms' approvals, the drafts of changed items updated.
   */
  function accept(fresh: JointBidDto): void {
    if (bid !== null && fresh.version < bid.version) return;
    const alliance = ctx.alliance();
    const lost = alliance ? voidedSignatures(bid, fresh, alliance.myFirms) : [];
    voided = [...voided.filter((f) => !lost.some((l) => sameId(l.id, f.id))), ...lost]
      // Approved again: the notice has done its work.
      .filter((f) => !currentSignOffs(fresh).some((s) => sameId(s.firm.id, f.id)));
    packages.reconcile(fresh);
    answers.reconcile(fresh);
    quotas.reconcile(fresh);
    subcontracts.reconcile(fresh);
    // The alliance hears nothing of its own when the bid goes in or out (JointBidChanged is the bid's), yet what its
    // firms may do depends on it, and so do the partners worth suggesting (none while it is submitted).
    if (submissionChanged(bid, fresh)) {
      ctx.reload();
      suggestions.load();
    } else if (bid !== null && (lotsBidFor(bid) !== lotsBidFor(fresh) || bid.reliancesVersion !== fresh.reliancesVersion)) {
      // The qualification view judges only the lots the bid has work packages in: a package in another lot (or the
      // last one of a lot gone) changes which lots it judges, and so which requirements a partner would complete;
      // a declared avvalimento counts there too.
      loadQualification();
      suggestions.load();
    } else if (bid !== null && bid.subcontractsVersion !== fresh.subcontractsVersion) {
      // The qualification view warns of a category left to a subcontractor that no declaration names yet.
      loadQualification();
    }
    bid = fresh;
    bidFailed = false;
    ctx.redraw();
  }

  async function run(call: () => Promise<JointBidDto>, options: JointRunOptions): Promise<JointOutcome | null> {
    if (busy) return null;
    busy = true;
    ctx.redraw();
    try {
      const fresh = await call();
      accept(fresh);
      return { ok: true, errors: {}, text: options.done, version: fresh.version };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const errors = error.errors;
        return {
          ok: false,
          errors,
          text: () => {
            const other = otherFieldMessages(errors, options.shown ?? []);
            return other.length ? other.join(" ") : t("form.invalid");
          },
        };
      }
      const problem = refusedAction(error);
      // Someone else saved or deleted the same item since it was read, or the tender closed meanwhile: the form keeps
      // the user's values, to apply them again to the current version.
      if (refusedFor(error, "jointBid.packageChanged", "jointBid.noSuchPackage", "jointBid.answerChanged", "jointBid.closed", "quota.changed", "subcontract.changed")) options.refused?.();
      if (problem.reload) {
        loadBid();
        // A conflict may be the tender's: its deadline passed, or it changed.
        if (tenderId !== null) loadTender(tenderId);
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) ctx.reload();
      }
      return { ok: false, errors: {}, text: problem.text };
    } finally {
      busy = false;
      ctx.redraw();
    }
  }

  function start(alliance: AllianceDto & { tender: NamedDto }): void {
    tenderId = alliance.tender.id;
    allianceVersion = alliance.version;
    loadTender(tenderId);
    loadBid();
    loadCoverage();
    loadQualification();
    suggestions.load();
    const followed = tenderId;
    // Its deadlines move it on (bids open, bids close) and its amendments change the lots: the workspace follows,
    // and so do the joint bid's actions and blockers, which the server judges against the tender, and the partners
    // worth suggesting (none once bids close).
    unwatchTender = watchTender(followed, {
      changed: () => {
        loadTender(followed);
        reloadBid();
        suggestions.load();
        // An amendment may change a lot's requirements.
        loadQualification();
      },
      state: () => undefined,
    });
  }

  function stop(): void {
    unwatchTender?.();
    unwatchTender = null;
    tenderId = null;
    allianceVersion = null;
    loadBid.cancel();
    reloadBid.cancel();
    loadTender.cancel();
    loadCoverage.cancel();
    loadQualification.cancel();
    suggestions.dispose();
    bid = null;
    tender = null;
    coverage = null;
    qualification = null;
    viewers = null;
    voided = [];
    heardChange = null;
    heardPart = null;
  }

  /**
   * Shows the change heard when it can be applied as it is; while the viewer's firm's part is on its way the reload
   * waits (debounced), and is called off once both have come.
   */
  function settle(): void {
    if (bid === null || heardChange === null) return;
    const step = liveStep(bid, heardChange, heardPart);
    if (step.kind === "wait" || step.kind === "reload") reloadBid();
    else {
      heardChange = null;
      if (step.kind === "apply") {
        reloadBid.cancel();
        accept(step.bid);
      }
    }
  }

  /** The lots the bid has work packages in, as one comparable key. */
  const lotsBidFor = (b: JointBidDto): string => [...new Set(b.workPackages.map((p) => p.lot))].sort((a, c) => a - c).join(",");

  const shown = (alliance: AllianceDto): alliance is AllianceDto & { tender: NamedDto } => alliance.tender !== null && canWatch(alliance);

  /** Where the tender stands for bids, as the server judges a submission now (JointBidDto.window), for every reader alike. */
  function windowView() {
    if (!tender || !bid) return nothing;
    if (bid.window === "Closed") return html`<p class="notice-line" data-testid="joint-bid-closed">${t("jointBid.closed")}</p>`;
    if (bid.window === "NotYetOpen")
      return html`<p class="notice-line" data-testid="joint-bid-not-yet">${t("jointBid.notYet", {
        from: formatDeadline(tender.enquiryDeadline),
        to: formatDeadline(tender.submissionDeadline),
      })}</p>`;
    return html`<p class="muted small">${t("jointBid.deadline", { when: formatDeadline(tender.submissionDeadline) })}</p>`;
  }

  const ready = () => bid !== null && tender !== null;
  const notReady = () => html`<div class="card">${bidFailed || tenderFailed ? loadErrorView() : loadingView()}</div>`;

  function headView() {
    const me = currentUser()?.id ?? null;
    return html`<header class="card joint-bid-head">
      <div class="section-head">
        <h2 id="joint-bid-title">${t("jointBid.title")}</h2>
        ${bid ? html`<span class="muted small" data-testid="joint-bid-version">${t("jointBid.version", { version: bid.version })}</span>` : nothing}
      </div>
      <p class="muted small" data-testid="joint-bid-intro">${t(tender?.external != null ? "jointBid.introExternal" : "jointBid.intro")}</p>
      ${presenceBar(viewers, me, live)}
      ${windowView()}
      ${bid && bid.viewerFirms.length === 0 ? html`<p class="muted small" data-testid="joint-bid-read-only">${t("jointBid.readOnly")}</p>` : nothing}
    </header>`;
  }

  return {
    /** The page shows the alliance (first load, a change, a reload): the workspace starts, follows or stops. */
    follow(alliance: AllianceDto): void {
      if (!shown(alliance)) {
        if (tenderId !== null) stop();
        return;
      }
      if (tenderId === null) start(alliance);
      else if (alliance.version !== allianceVersion) {
        // A firm joined, left or was removed: the coverage and who signs change with it.
        allianceVersion = alliance.version;
        loadCoverage();
        loadQualification();
        suggestions.load();
        reloadBid();
      }
    },
    /**
     * AllianceChanged on the alliance's group: besides its own changes, the server sends it when one of its active
     * firms changed (its qualifications among them), so whether the alliance qualifies is read again.
     */
    allianceHeard(allianceId: string): void {
      if (sameId(allianceId, ctx.allianceId) && tenderId !== null) loadQualification();
    },
    /** JointBidChanged on the alliance's group: applied, or read again; nothing when already shown (our own change). */
    jointBidChanged(change: JointBidChange): void {
      if (!sameId(change.allianceId, ctx.allianceId) || tenderId === null) return;
      if (bid === null) return reloadBid();
      heardChange = change;
      settle();
    },
    /** The part of a change for the firm the viewer edits for: what they may do with the change of the same version. */
    jointBidActionsChanged(change: JointBidActionsChange): void {
      if (!sameId(change.allianceId, ctx.allianceId) || tenderId === null) return;
      heardPart = change;
      settle();
    },
    presenceChanged(change: PresenceChange): void {
      if (!sameId(change.allianceId, ctx.allianceId)) return;
      viewers = change.viewers;
      ctx.redraw();
    },
    /** The state of the alliance's group; once (back) in it, what was missed meanwhile is fetched. */
    liveState(state: LiveState): void {
      const back = state === "connected" && live !== "connected";
      live = state;
      if (back && tenderId !== null && bid !== null) {
        reloadBid();
        loadTender(tenderId);
      }
    },
    /** The viewer no longer sees the alliance: nothing of its workspace stays, nothing is followed. */
    stop(): void {
      if (tenderId !== null) stop();
    },
    dispose: stop,
    /** The bid itself (its own tab): who is here, the work packages with the lots' totals and shares, the sign-off and submission. */
    bidView(alliance: AllianceDto) {
      if (!shown(alliance)) return nothing;
      return html`<section class="joint-bid" data-testid="joint-bid" data-version=${bid?.version ?? ""} aria-labelledby="joint-bid-title">
        ${headView()}
        ${ready()
          ? html`${packages.view(bid!, tender!, alliance)}
              ${sharesView(bid!)}
              ${quotas.view(bid!, tender!, alliance)}
              ${subcontracts.view(bid!, tender!, alliance)}
              ${reliances.view(bid!, tender!, alliance)}
              ${signOff.view(bid!, alliance, voided, () => {
                voided = [];
                ctx.redraw();
              })}`
          : notReady()}
      </section>`;
    },
    /** The answers to the quality criteria and the firms' documents (a tab of their own). */
    papersView(alliance: AllianceDto) {
      if (!shown(alliance)) return nothing;
      return html`<section class="joint-bid" data-testid="joint-bid-papers">
        ${ready() ? html`${answers.view(bid!, tender!)} ${documents.view(bid!, alliance)}` : notReady()}
      </section>`;
    },
    /** Which of the tender's codes the alliance's firms cover, and the firms that would cover the rest (the partners' tab). */
    partnersView(alliance: AllianceDto) {
      if (!shown(alliance)) return nothing;
      return html`<section class="joint-bid" data-testid="joint-bid-partners">
        ${qualificationView(qualification, qualificationFailed)}
        ${coverageView(coverage, coverageFailed)}
        ${suggestions.view(alliance, coverage ? coverage.gaps.length > 0 : null)}
      </section>`;
    },
  };
}
