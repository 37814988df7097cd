// #/my/tenders — every tender of the buyers the user acts for, across their spaces (GET /api/businesses/{id}/tenders):
// drafts to publish, running tenders and closed ones, each with where it stands in plain words, the deadline that
// matters now and the firms' questions waiting for an answer. `?buyer=` shows one buyer (from its page). The server
// decides which drafts the user sees, by the one rule of who sees a draft. Live: a change of any of a buyer's tenders
// (a question asked or answered, a draft saved, the status moved, bids closed) reaches its team as ToDoChanged, and the
// lists are read again, once for a burst.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { MyBusinessDto, TenderSummaryDto } from "../../api/types";
import { t, tn } from "../../i18n";
import { debounce } from "../../debounce";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { combinedLiveState, onMyBusinessesChanged, watchBusinessTeam, type LiveState } from "../../realtime/hub";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { allows } from "../../api/viewer-actions";
import { formatDeadline } from "../tenders/dates";
import { tenderStatusBadge } from "../tenders/tender-views";
import { deadlineOf, grouped, groups, questionsWaiting, type Group } from "./my-tenders-data";

/** A burst of changes (a tender's publication, an amendment answering several questions) makes one request. */
const DEBOUNCE_MS = 300;

interface BuyerTenders {
  buyer: MyBusinessDto;
  tenders: TenderSummaryDto[] | null;
}

function statusText(s: TenderSummaryDto): string {
  const deadline = deadlineOf(s);
  if (s.status === "Draft") return `${t("myTenders.status.Draft")} ${t("myTenders.plannedDeadline", { when: formatDeadline(s.submissionDeadline) })}`;
  return t(`myTenders.status.${s.status}`, { when: deadline ? formatDeadline(deadline) : "" });
}

function tenderView(s: TenderSummaryDto) {
  const waiting = s.questionsWaiting;
  return html`<li class="tender-item my-tender" data-testid="my-tender" data-tender-id=${s.id} data-status=${s.status}>
    <div class="title-row">
      <a class="name" href=${href({ name: "tender", id: s.id.toLowerCase() })}>${s.title}</a>
      ${tenderStatusBadge(s.status)}
    </div>
    <p class="status-text" data-testid="my-tender-status">${statusText(s)}</p>
    ${s.status === "Draft"
      ? nothing
      : html`<p class="questions ${waiting > 0 ? "waiting" : "muted"}" data-testid="my-tender-questions" data-count=${waiting}>
          ${waiting > 0 ? tn("myTenders.questions", waiting) : t("myTenders.noQuestions")}</p>`}
  </li>`;
}

function groupView(buyerId: string, group: Group, tenders: readonly TenderSummaryDto[]) {
  if (tenders.length === 0) return nothing;
  const id = `my-tenders-${buyerId}-${group}`;
  return html`<section class="my-tenders-group" data-testid="my-tenders-group" data-group=${group} aria-labelledby=${id}>
    <h3 id=${id}>${t(`myTenders.group.${group}`)} <span class="count">${tenders.length}</span></h3>
    <ul class="tender-list">${tenders.map(tenderView)}</ul>
  </section>`;
}

function buyerView({ buyer, tenders }: BuyerTenders) {
  const titleId = `my-tenders-${buyer.id}`;
  const lists = tenders ? grouped(tenders) : null;
  return html`<section class="card my-tenders-buyer" data-testid="my-tenders-buyer" data-buyer-id=${buyer.id} aria-labelledby=${titleId}>
    <div class="section-head">
      <h2 id=${titleId}><a href=${href({ name: "business", id: buyer.id })} title=${t("myTenders.buyerPage", { buyer: buyer.name })}>${buyer.name}</a></h2>
      ${allows(buyer.actions, "DraftTender")
        ? html`<a class="button primary" data-testid="my-tenders-new" href=${href({ name: "newTender", buyer: buyer.id })}>${t("tenders.new")}</a>`
        : nothing}
    </div>
    ${tenders === null
      ? loadErrorView()
      : tenders.length === 0
        ? html`<p class="muted">${t("myTenders.empty", { buyer: buyer.name })}</p>`
        : groups.map((group) => groupView(buyer.id, group, lists![group]))}
  </section>`;
}

/** A buyer's team group as this page joined it, and how to leave it. */
interface Following {
  state: LiveState;
  stop: () => void;
}

/** Whether the lists follow the buyers' changes now (every buyer's team group joined). */
function liveView(state: LiveState | null) {
  if (state === null) return nothing;
  return html`<p class="live" data-testid="my-tenders-live-status" data-state=${state} title=${t("myTenders.liveHint")}>
    <span class="dot" aria-hidden="true"></span>${t(`live.${state}`)}</p>`;
}

export function myTendersPage(buyerId: string | null, redraw: Redraw): Page {
  let lists: BuyerTenders[] | null = null;
  let failed = false;
  /** The team group of each buyer listed. */
  const live = new Map<string, Following>();

  const load = latestOnly(
    async () => {
      const buyers = (await api.myBusinesses()).filter((b) => b.kind === "Buyer" && (buyerId === null || b.id.toLowerCase() === buyerId));
      return Promise.all(buyers.map((buyer) => api.buyerTenders(buyer.id).then((tenders) => ({ buyer, tenders }), () => ({ buyer, tenders: null }))));
    },
    (found) => {
      lists = found;
      failed = false;
      follow(found.map((b) => b.buyer.id));
      redraw();
    },
    () => {
      failed = lists === null;
      redraw();
    },
  );
  const loadSoon = debounce(() => load(), DEBOUNCE_MS);

  /** Joins the team group of each buyer listed (once), and leaves those no longer listed. */
  function follow(buyers: readonly string[]): void {
    for (const [id, { stop }] of live) {
      if (buyers.includes(id)) continue;
      stop();
      live.delete(id);
    }
    for (const id of buyers) {
      if (live.has(id)) continue;
      const entry: Following = { state: "connecting", stop: () => undefined };
      live.set(id, entry);
      entry.stop = watchBusinessTeam(id, {
        // ToDoChanged comes on this buyer's topic only; the other team messages (a firm's) say nothing of its tenders.
        changed: (message) => message.type === "todo" && loadSoon(),
        state: (state) => {
          entry.state = state;
          // Joined (again): what changed before, while the list was read or the connection was lost, was not heard.
          if (state === "connected") loadSoon();
          redraw();
        },
      });
    }
  }

  load();
  // The user joined or left a buyer's team during the session: the buyers listed change.
  const unlistenMine = onMyBusinessesChanged(() => loadSoon());

  const waitingView = (all: readonly BuyerTenders[]) => {
    const n = questionsWaiting(all.flatMap((b) => b.tenders ?? []));
    return n > 0 ? html`<p class="alert warn" data-testid="my-tenders-waiting" data-count=${n}>${tn("myTenders.waitingTotal", n)}</p>` : nothing;
  };

  return {
    title: () => t("myTenders.title"),
    dispose: () => {
      unlistenMine();
      load.cancel();
      loadSoon.cancel();
      live.forEach(({ stop }) => stop());
      live.clear();
    },
    view: () => html`<section class="my-tenders" data-testid="my-tenders">
      <div class="page-head">
        <h1>${t("myTenders.title")}</h1>
        <p class="muted">${t("myTenders.intro")}</p>
        ${liveView(live.size === 0 ? null : combinedLiveState([...live.values()].map((b) => b.state)))}
      </div>
      ${failed
        ? loadErrorView()
        : lists === null
          ? loadingView()
          : lists.length === 0
            ? html`<p class="empty" data-testid="my-tenders-no-buyer">${t("myTenders.noBuyer")}
                <a href=${href({ name: "newBusiness" })}>${t("nav.newBusiness")}</a></p>`
            : html`${waitingView(lists)}${lists.map(buyerView)}`}
    </section>`,
  };
}
