// #/tenders/{id} — a tender: its status and deadlines, lots, criteria, documents, amendments and questions; the
// buyer's actions and evaluation; a firm's bid with its receipt and result; the firm's RTIs for it ("Partecipa in
// RTI"); the audit trail. Kept up to date over SignalR: TenderChanged reloads the tender, BidChanged (to the firm's
// own people) reloads the firm's bid, AllianceChanged (likewise) the firm's RTIs.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { MyBusinessDto, TenderDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { combinedLiveState, watchBusinessTeam, watchTender, type LiveState } from "../../realtime/hub";
import { href } from "../../router";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { tenderAlliances } from "../alliances/alliance-lists";
import { currentUser } from "../auth/session";
import { auditSection } from "./audit-section";
import { bidPanel } from "./bid-panel";
import { confirmDialog } from "../../confirm-dialog";
import { evaluationPanel } from "./evaluation-panel";
import { externalNoticeView } from "./external";
import { managePanel } from "./manage-panel";
import { questionsSection } from "./questions-section";
import { isOpen } from "./status";
import { actsForBuyer } from "./tender-actions";
import type { TenderContext } from "./tender-context";
import {
  amendmentsView,
  deadlinesView,
  documentsView,
  lotsView,
  stepperView,
  tenderStatusBadge,
  termsView,
} from "./tender-views";

/** How long after a deadline the page asks again: the server moves the tender on by itself, just after it. */
const AFTER_DEADLINE_MS = 2000;

export function tenderPage(id: string, redraw: Redraw): Page {
  let tender: TenderDto | null = null;
  let failure: "notFound" | "error" | null = null;
  let mine: MyBusinessDto[] = [];
  let ready = false;
  let disposed = false;
  let now = Date.now();
  let tenderLive: LiveState = "connecting";
  const teamLive = new Map<string, LiveState>();
  const unwatchTeams: (() => void)[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const confirm = confirmDialog(redraw);
  const ctx: TenderContext = {
    tenderId: id,
    tender: () => tender,
    mine: () => mine,
    accept(fresh) {
      // The action's answer is the newest tender there is: a reload still on its way would be older.
      loadTender.cancel();
      show(fresh);
    },
    reload: () => loadTender(),
    now: () => now,
    confirm: (texts) => confirm.ask(texts),
    redraw,
  };
  const manage = managePanel(ctx);
  const questions = questionsSection(ctx);
  const bid = bidPanel(ctx);
  const evaluation = evaluationPanel(ctx);
  const alliances = tenderAlliances(ctx);
  const audit = auditSection(id, redraw);

  function show(fresh: TenderDto): void {
    const before = tender;
    tender = fresh;
    failure = null;
    audit.load();
    if (actsForBuyer(fresh) && fresh.bidsOpened) evaluation.load();
    // The bid panel depends on the status (form, receipt, result) and on the decisions (the result); so do the RTIs' bids.
    // Once the bids are opened every change may move a result (a score, an exclusion of this bid or of another).
    if (ready && (before?.status !== fresh.status || before.decisions.length !== fresh.decisions.length
      || (fresh.bidsOpened && before.version !== fresh.version))) {
      bid.load();
      alliances.load();
    }
    redraw();
  }

  function failed(error: unknown): void {
    // A failed background refresh leaves the shown tender alone.
    if (tender !== null) return;
    failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    redraw();
  }

  const loadTender = latestOnly(() => api.tender(id), show, failed);

  async function start(): Promise<void> {
    const [first] = await Promise.allSettled([
      api.tender(id),
      currentUser()
        ? api.myBusinesses().then(
            (list) => (mine = list),
            () => (mine = []), // Without the list, no bid panel or questions form: the notice itself still shows.
          )
        : Promise.resolve(),
    ]);
    if (disposed) return;
    ready = true;
    // Showing it loads the firm's bid too, now that the user's firms are known.
    if (first.status === "fulfilled") show(first.value);
    else failed(first.reason);
    alliances.load();
    watchTeams();
  }

  /** The user's firms hear of their bids' receipts on their team groups. */
  function watchTeams(): void {
    for (const firm of mine.filter((b) => b.kind === "Firm")) {
      teamLive.set(firm.id, "connecting");
      unwatchTeams.push(
        watchBusinessTeam(firm.id, {
          changed: (message) => {
            if (message.type === "bid") bid.changed(message.change.tenderId);
            else if (message.type === "alliance") alliances.changed();
          },
          state: (state) => {
            teamLive.set(firm.id, state);
            redraw();
          },
        }),
      );
    }
  }

  const unwatch = watchTender(id, {
    changed: () => loadTender(),
    state: (state) => {
      tenderLive = state;
      // Changes sent while we were not in the group are lost; fetch once we are (back) in it.
      if (state === "connected" && ready) {
        loadTender();
        bid.load();
      }
      redraw();
    },
  });

  /** The countdowns tick; when a deadline passes, the tender moves on: ask for it again shortly after. */
  const ticker = setInterval(() => {
    const before = now;
    now = Date.now();
    if (!tender) return;
    const deadlines = [tender.enquiryDeadline, tender.submissionDeadline].map(Date.parse);
    if (isOpen(tender.status) && deadlines.some((d) => before < d && d <= now)) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        loadTender();
        bid.load();
      }, AFTER_DEADLINE_MS);
      timers.add(timer);
    }
    if (deadlines.some((d) => d > now - 1000)) redraw();
  }, 1000);

  const liveState = (): LiveState => (tender === null ? "connecting" : combinedLiveState([tenderLive, ...teamLive.values()]));

  function tenderView(d: TenderDto) {
    const live = liveState();
    // While the deadlines are ahead, their countdowns come first; after them, what the viewer can do.
    const ahead = d.status === "Draft" || isOpen(d.status);
    return html`<article class="tender" data-testid="tender" data-tender-id=${d.id} data-version=${d.version}>
      <p class="crumbs">${d.external ? d.buyer.name : html`<a href=${href({ name: "business", id: d.buyer.id })}>${d.buyer.name}</a>`}</p>
      <header class="profile-head">
        <div class="tender-head">
          <p class="eyebrow">${t("tender.eyebrow")}</p>
          <h1 data-testid="tender-title">${d.title}</h1>
          <p class="badges">${tenderStatusBadge(d.status, "tender-status")}</p>
          <p class="muted host-line">
            ${t("tender.buyer")} ${d.external
              ? html`<span data-testid="tender-buyer">${d.buyer.name}</span>`
              : html`<a href=${href({ name: "business", id: d.buyer.id })} data-testid="tender-buyer">${d.buyer.name}</a>`}
            ${d.spaces.length
              ? html` · ${t("tender.spaces")}
                  ${d.spaces.map((s, i) => html`${i > 0 ? ", " : ""}<a href=${href({ name: "space", id: s.id })} data-testid="tender-space">${s.name}</a>`)}`
              : nothing}
            ${d.publishedAt ? html` · ${t("tender.publishedAt", { when: formatDateTime(d.publishedAt) })}` : nothing}
          </p>
        </div>
        <div class="head-tools">
          <span class="live" data-testid="tender-live-status" data-state=${live} title=${t("tender.liveHint")}>
            <span class="dot" aria-hidden="true"></span>${t(`live.${live}`)}
          </span>
        </div>
      </header>

      ${d.external
        ? externalNoticeView(d)
        : html`${stepperView(d)}
            <p class="status-explain muted">${t(`tenderStatus.${d.status}.hint`)}</p>`}
      ${d.status === "Cancelled"
        ? html`<div class="alert warn" role="note" data-testid="tender-cancelled"><p>${t("tender.cancelledReason", { reason: d.cancelReason ?? "" })}</p></div>`
        : nothing}

      <div class="space-layout tender-layout">
        <div class="space-side">
          ${ahead ? deadlinesView(d, now) : nothing}
          ${manage.view(d)}
          ${evaluation.sealedView(d)}
          ${bid.view(d)}
          ${alliances.view(d)}
          ${ahead ? nothing : deadlinesView(d, now)}
        </div>
        <div class="space-main">
          ${d.description
            ? html`<section class="card" aria-labelledby="tender-description-title">
                <h2 id="tender-description-title">${t("tender.description")}</h2>
                <p class="description" data-testid="tender-description">${d.description}</p>
              </section>`
            : nothing}
          ${lotsView(d, alliances.rtiOfBid)}
          ${termsView(d)}
          ${documentsView(d)}
          ${amendmentsView(d)}
        </div>
      </div>

      ${evaluation.view(d)}
      ${questions.view(d)}
      ${audit.view()}
      ${confirm.view()}
    </article>`;
  }

  void start();

  return {
    title: () => tender?.title ?? t("tender.title"),
    dispose: () => {
      disposed = true;
      confirm.dismiss();
      unwatch();
      unwatchTeams.forEach((stop) => stop());
      clearInterval(ticker);
      timers.forEach((timer) => clearTimeout(timer));
      loadTender.cancel();
      bid.dispose();
      alliances.dispose();
      evaluation.dispose();
      audit.dispose();
    },
    view: () =>
      failure === "notFound"
        ? notFoundView(t("tender.notFound"))
        : failure === "error"
          ? loadErrorView()
          : tender && ready
            ? tenderView(tender)
            : loadingView(),
  };
}
