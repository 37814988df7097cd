// #/alliances/{id}/lending — the auxiliary firm's side of avvalimento: its people read what their firm is asked to lend
// a joint bid (the tender, the lot, what, to whom, the avvalimento contract, where its commitment stands) and nothing
// else of the bid; its Owners and Managers sign the commitment to exactly that reliance and contract, or decline it.
// The server decides who sees what (GET /api/alliances/{id}/bid/lending): anyone else reads "not found". The page is
// live: it follows its firms' own team groups, where LendingChanged (ids only) says the bid's reliances on them, their
// contract, an answer or the submission changed, and reads again then and when a group is joined again.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { LendingDto, LendingViewDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import { sameId } from "../../ids";
import type { Page, Redraw } from "../../page";
import { watchBusinessTeam } from "../../realtime/hub";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { relianceWhat } from "./reliances";

/** Where a reliance stands, in words, for the auxiliary's people. */
export function lendingStatusText(l: LendingDto): string {
  switch (l.reliance.status) {
    case "Committed":
      return t("lending.status.Committed", { when: formatDateTime(l.reliance.answeredAt ?? "") });
    case "Declined":
      return t("lending.status.Declined");
    case "Awaiting":
      return t("lending.status.Awaiting");
    default:
      return t("lending.status.NoContract");
  }
}

export function lendingPage(id: string, redraw: Redraw): Page {
  let view: LendingViewDto | null = null;
  let failure: "notFound" | "error" | null = null;
  let busy = false;
  /**
   * What the viewer's last answer did. A confirmation says until when it holds: the live word of the viewer's own
   * answer must not wipe it (it once did, whenever that word arrived after the answer's own reply), while a change
   * by someone else that makes it untrue (the bid went in, the reliance changed) does.
   */
  let status: { ok: boolean; text: () => string; holds?: (read: LendingViewDto) => boolean } | null = null;

  const following = new Map<string, () => void>();

  /** Follows the team group of each firm the page shows a reliance on (the viewer acts for it, or it would not be listed). */
  function follow(read: LendingViewDto) {
    for (const firm of new Set(read.lendings.map((l) => l.reliance.auxiliary.id.toLowerCase()))) {
      if (following.has(firm)) continue;
      following.set(firm, watchBusinessTeam(firm, {
        changed: (message) => {
          if (message.type !== "lending" || message.change.allianceId.toLowerCase() !== id.toLowerCase()) return;
          if (!status?.holds) status = null; // a refusal was about the page as it stood
          load();
        },
        state: (state) => state === "connected" && load(),
      }));
    }
  }

  function load() {
    api.jointBidLending(id).then(
      (read) => {
        view = read;
        failure = null;
        if (status?.holds && !status.holds(read)) status = null;
        follow(read);
        redraw();
      },
      (e: unknown) => { failure = e instanceof ApiError && e.status === 404 ? "notFound" : "error"; redraw(); },
    );
  }
  load();

  async function answer(l: LendingDto, commit: boolean) {
    busy = true;
    status = null;
    redraw();
    try {
      view = await api.answerJointBidLending(id, { auxiliaryId: l.reliance.auxiliary.id, digest: l.digest ?? "", commit });
      const answered = commit ? "Committed" : "Declined";
      status = {
        ok: true,
        text: () => t(commit ? "lending.committed" : "lending.declined"),
        holds: (read) => !read.submitted && read.lendings.some((x) => sameId(x.reliance.auxiliary.id, l.reliance.auxiliary.id) && x.reliance.status === answered),
      };
    } catch (e) {
      const refused = refusedAction(e);
      status = { ok: false, text: refused.text };
      if (refused.reload) load();
    } finally {
      busy = false;
      redraw();
    }
  }

  function lendingView(l: LendingDto) {
    const r = l.reliance;
    return html`<li class="card lending" data-testid="lending" data-status=${r.status}>
      <h2>${t("lending.lot", { lot: l.lot, title: l.lotTitle })}</h2>
      <p data-testid="lending-what">${t("lending.what", { auxiliary: r.auxiliary.name, what: relianceWhat(r), firm: r.relyingFirm.name })}</p>
      <p><span class="badge" data-testid="lending-liable">${t("jointBid.reliances.jointlyLiable")}</span>
        <span class="muted small">${t("lending.liableHint")}</span></p>
      <p>${r.contract
        ? html`${t("lending.contract")}: <a href=${api.lendingContractUrl(id, r.contract.id)} data-testid="lending-contract">${r.contract.name}</a>
            <span class="muted small mono">SHA-256 ${r.contract.sha256.slice(0, 16)}…</span>`
        : html`<span class="muted">${t("lending.noContract")}</span>`}</p>
      <p class="badge-line"><strong data-testid="lending-status">${lendingStatusText(l)}</strong></p>
      ${l.mayAnswer
        ? html`<p class="muted small">${t("lending.signHint")}</p>
            <p class="actions">
              <button type="button" class="primary" data-testid="lending-commit" ?disabled=${busy} @click=${() => void answer(l, true)}>${t("lending.commit")}</button>
              <button type="button" data-testid="lending-decline" ?disabled=${busy} @click=${() => void answer(l, false)}>${t("lending.decline")}</button>
            </p>`
        : nothing}
    </li>`;
  }

  return {
    title: () => t("lending.title"),
    dispose: () => following.forEach((stop) => stop()),
    view: () => {
      if (failure === "notFound") return notFoundView(t("lending.notFound"));
      if (failure === "error") return loadErrorView();
      if (view === null) return loadingView();
      const v = view;
      return html`<section class="lending-page" data-testid="lending-page">
        <div class="page-head">
          <h1>${t("lending.title")}</h1>
          <p>${t("lending.tender")}: <a href="#/tenders/${v.tender.id}" data-testid="lending-tender">${v.tender.name}</a></p>
          <p class="muted">${t("lending.intro")}</p>
          ${v.open ? nothing : html`<p class="alert" data-testid="lending-closed">${t("lending.closed")}</p>`}
          ${v.submitted ? html`<p class="alert success" data-testid="lending-submitted">${t("lending.submitted")}</p>` : nothing}
        </div>
        ${status ? html`<p class="alert ${status.ok ? "success" : "error"}" role=${status.ok ? "status" : "alert"} data-testid="lending-answer-status">${status.text()}</p>` : nothing}
        <ul class="lending-list">${v.lendings.map(lendingView)}</ul>
      </section>`;
    },
  };
}
