// #/alliances/{id}[/tab] — an alliance (an RTI for a tender, or a standing rete d'impresa), in tabs that fit a phone
// (overview, joint bid, answers and documents, conversation, partners, agreement, history): its firms with their roles and
// where each stands with the agreement, the agreement in force, the history; the lead's invitations, removals,
// hand-over and new terms; the viewer's invitations to answer, new terms to accept, leaving. Only the people of its
// active and invited firms see it (404 for anyone else). Kept up to date over SignalR: AllianceChanged comes on the
// alliance's group (active firms' people only) and on the team groups of its firms (invited ones too); either
// reloads it, and a viewer whose firm was removed is told they no longer have access. For an alliance formed for a
// tender, its active firms' people also find the workspace where they prepare the joint bid (joint-bids/), live
// through the same group (JointBidChanged, PresenceChanged).
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { AllianceDto, MemberRole } from "../../api/types";
import { confirmDialog } from "../../confirm-dialog";
import { otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import {
  combinedLiveState,
  watchAlliance,
  watchBusinessTeam,
  type AllianceChange,
  type AllianceMessage,
  type LiveState,
} from "../../realtime/hub";
import { href, showTabAddress, type AllianceTab } from "../../router";
import { shownTab, tabPanel, tabsView, type TabSpec } from "../../tabs";
import { loadErrorView, loadingView } from "../../views";
import { workspaceLoader } from "../joint-bids/workspace-loader";
import { conversationSection } from "../conversations/conversation-section";
import { answerThread } from "../conversations/thread-data";
import { agreementSection } from "./agreement-section";
import { allianceBidOutcome } from "./alliance-bid-outcome";
import type { AllianceContext, GoneReason, Outcome, RunOptions } from "./alliance-context";
import { canWatch, hasAccess } from "./alliance-rules";
import { historyView, kindView, noAccessView } from "./alliance-views";
import { firmPanel } from "./firm-panel";
import { inviteForm } from "./invite-form";
import { membersTable } from "./members-table";
import { reteRtis } from "./rete-rtis";
import { refusedAction } from "../../i18n/refusals";

export function alliancePage(id: string, firstTab: AllianceTab | undefined, redraw: Redraw): Page {
  let alliance: AllianceDto | null = null;
  /** The tab the address names; shown when the viewer has it, else the overview. */
  let tab: AllianceTab | undefined = firstTab;
  let failure: "notFound" | "error" | null = null;
  /** The viewer saw the alliance and sees it no more. */
  let gone: GoneReason | null = null;
  let roles: Map<string, MemberRole> = new Map();
  let ready = false;
  let disposed = false;
  let busy = false;
  let allianceLive: LiveState | null = null;
  let unwatchAlliance: (() => void) | null = null;
  const teamLive = new Map<string, LiveState>();
  const unwatchTeams: (() => void)[] = [];
  const confirm = confirmDialog(redraw);

  const ctx: AllianceContext = {
    allianceId: id,
    alliance: () => alliance,
    roles: () => roles,
    busy: () => busy,
    run,
    reload: () => loadAlliance(),
    confirm: (texts) => confirm.ask(texts),
    answerThread: (criterion) =>
      alliance && conversation.wanted(alliance)
        ? {
            messages: conversation.count(answerThread(criterion)),
            open: () => {
              conversation.open(answerThread(criterion));
              select("conversation");
            },
          }
        : null,
    redraw,
  };
  const members = membersTable(ctx);
  const invite = inviteForm(ctx);
  const agreement = agreementSection(ctx);
  const firms = firmPanel(ctx);
  const workspace = workspaceLoader(ctx);
  const outcome = allianceBidOutcome(ctx);
  const rete = reteRtis(ctx);
  // The conversation is for those who may watch the workspace: the people of the alliance's active firms.
  const conversation = conversationSection(ctx, canWatch);

  function show(fresh: AllianceDto, reason: GoneReason = "removed"): void {
    if (!hasAccess(fresh)) {
      lose(reason);
      return;
    }
    alliance = fresh;
    failure = null;
    gone = null;
    // Whoever may invite chooses among the firms the server offers, asked again on every change (a firm invited,
    // declined or left changes them; a hand-over to their firm lets them invite).
    invite.load(fresh);
    followAlliance();
    workspace.follow(fresh);
    outcome.follow(fresh);
    rete.follow(fresh);
    conversation.follow(fresh);
    redraw();
  }

  /** The viewer's firms are out of it: nothing of it stays on screen. */
  function lose(reason: GoneReason): void {
    // A question about an alliance the viewer no longer sees has no answer.
    confirm.dismiss();
    alliance = null;
    gone = gone ?? reason;
    followAlliance();
    workspace.stop();
    outcome.stop();
    redraw();
  }

  function failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 404) {
      // Seen before: the firm was removed (or its invitation withdrawn) in the meantime.
      if (alliance !== null || gone !== null) lose("removed");
      else {
        failure = "notFound";
        redraw();
      }
      return;
    }
    // A failed background refresh leaves the shown alliance alone.
    if (alliance !== null || gone !== null) return;
    failure = "error";
    redraw();
  }

  const loadAlliance = latestOnly(() => api.alliance(id), (fresh) => show(fresh), failed);

  async function run(call: () => Promise<AllianceDto>, options: RunOptions): Promise<Outcome | null> {
    if (busy) return null;
    busy = true;
    redraw();
    try {
      const fresh = await call();
      // The action's answer is the newest alliance there is: a reload still on its way would be older.
      loadAlliance.cancel();
      show(fresh, options.gone);
      return { ok: true, errors: {}, text: options.done };
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
      if (problem.reload) loadAlliance();
      return { ok: false, errors: {}, text: problem.text };
    } finally {
      busy = false;
      redraw();
    }
  }

  /** A change we have already shown (the answer to our own action, or the same change on two groups) needs no reload. */
  function changed(change: AllianceChange): void {
    if (change.allianceId.toLowerCase() !== id) return;
    if (alliance !== null && change.version <= alliance.version) return;
    loadAlliance();
  }

  /** What the alliance's group says: the alliance changed, or its workspace (the joint bid, who is here). */
  function heard(message: AllianceMessage): void {
    if (message.type === "alliance") {
      workspace.allianceHeard(message.change.allianceId);
      changed(message.change);
    }
    else if (message.type === "jointBid") {
      workspace.jointBidChanged(message.change);
      // A submission or a withdrawal is an edit the message does not carry.
      if (message.change.edit === "Other" && alliance) outcome.load(alliance);
      conversation.jointBidChanged(message.change);
    } else if (message.type === "message") conversation.heard(message.change);
    else if (message.type === "jointBidActions") workspace.jointBidActionsChanged(message.change);
    else workspace.presenceChanged(message.change);
  }

  /**
   * The alliance's own group is for the people of its active firms; the server refuses anyone else. An invited
   * viewer follows it on their firm's team group instead, so the page is live for them too.
   */
  function followAlliance(): void {
    const wanted = alliance !== null && canWatch(alliance) && !disposed;
    if (wanted && !unwatchAlliance) {
      allianceLive = "connecting";
      unwatchAlliance = watchAlliance(id, {
        changed: heard,
        state: (state) => {
          allianceLive = state;
          workspace.liveState(state);
          conversation.liveState(state);
          // Changes sent while we were not in the group are lost; fetch once we are (back) in it.
          if (state === "connected" && ready) {
            loadAlliance();
            if (alliance) {
              invite.load(alliance);
              outcome.load(alliance);
            }
          }
          redraw();
        },
      });
    } else if (!wanted && unwatchAlliance) {
      unwatchAlliance();
      unwatchAlliance = null;
      allianceLive = null;
      workspace.liveState("disconnected");
    }
  }

  /** Every firm of the viewer's hears of its alliances on its team group: an invitation, a removal, new terms. */
  function watchTeams(firmIds: readonly string[]): void {
    for (const firmId of firmIds) {
      teamLive.set(firmId, "connecting");
      unwatchTeams.push(
        watchBusinessTeam(firmId, {
          changed: (message) => message.type === "alliance" && changed(message.change),
          state: (state) => {
            teamLive.set(firmId, state);
            // The only live source of an invited viewer: catch up on what was missed while away.
            if (state === "connected" && ready && !unwatchAlliance) loadAlliance();
            redraw();
          },
        }),
      );
    }
  }

  async function start(): Promise<void> {
    const [first, mine] = await Promise.allSettled([api.alliance(id), api.myBusinesses()]);
    if (disposed) return;
    // Without the roles, the page shows where each firm stands, without actions for the viewer's own firms.
    if (mine.status === "fulfilled") roles = new Map(mine.value.map((b) => [b.id.toLowerCase(), b.role]));
    ready = true;
    if (first.status === "fulfilled") show(first.value);
    else failed(first.reason);
    if (mine.status === "fulfilled") watchTeams(mine.value.filter((b) => b.kind === "Firm").map((b) => b.id));
    redraw();
  }

  const liveState = (): LiveState =>
    alliance === null ? "connecting" : combinedLiveState([...(allianceLive === null ? [] : [allianceLive]), ...teamLive.values()]);

  /**
   * The alliance's tabs for this viewer: the bid and its papers only where there is a workspace (formed for a tender,
   * their firm active in it), the partners where there is one to suggest or invite.
   */
  function tabsOf(a: AllianceDto): TabSpec<AllianceTab>[] {
    const withWorkspace = workspace.wanted(a);
    const all: (TabSpec<AllianceTab> | false)[] = [
      { id: "overview", label: t("alliance.tab.overview"), count: firms.waiting(a) },
      withWorkspace && { id: "bid", label: t("alliance.tab.bid") },
      withWorkspace && { id: "documents", label: t("alliance.tab.documents") },
      conversation.wanted(a) && { id: "conversation", label: t("conversation.tab") },
      (withWorkspace || invite.shown(a)) && { id: "partners", label: t("alliance.tab.partners") },
      { id: "agreement", label: t(a.tender ? "alliance.agreementRti" : "alliance.agreementStanding") },
      { id: "history", label: t("alliance.history") },
    ];
    return all.filter((spec): spec is TabSpec<AllianceTab> => spec !== false);
  }

  function select(next: AllianceTab): void {
    tab = next;
    showTabAddress({ name: "alliance", id, tab: next });
    redraw();
  }

  function allianceView(a: AllianceDto) {
    const live = liveState();
    const tabs = tabsOf(a);
    const selected = shownTab(tabs.map((spec) => spec.id), tab);
    const has = (wanted: AllianceTab) => tabs.some((spec) => spec.id === wanted);
    return html`<article class="alliance" data-testid="alliance" data-alliance-id=${a.id} data-version=${a.version}>
      <p class="crumbs"><a href=${href({ name: "space", id: a.space.id.toLowerCase() })}>${a.space.name}</a></p>
      <header class="profile-head">
        <div class="alliance-head">
          <p class="eyebrow">${t(a.tender ? "alliance.eyebrowRti" : "alliance.eyebrowStanding")}</p>
          <h1 data-testid="alliance-title">${a.name}</h1>
          <p class="host-line alliance-kind" data-testid="alliance-kind" data-kind=${a.tender ? "tender" : "standing"}>${kindView(a)}</p>
          <p class="muted host-line">
            ${t("alliance.inSpace")} <a href=${href({ name: "space", id: a.space.id.toLowerCase() })} data-testid="alliance-space">${a.space.name}</a>
            · ${t("alliance.lead")} <a href=${href({ name: "business", id: a.lead.id.toLowerCase() })} data-testid="alliance-lead-firm">${a.lead.name}</a>
          </p>
          ${a.formedFrom
            ? html`<p class="muted host-line" data-testid="alliance-formed-from">${t("rete.formedFrom")}
                <a href=${href({ name: "alliance", id: a.formedFrom.id.toLowerCase() })}>${a.formedFrom.name}</a></p>`
            : nothing}
        </div>
        <div class="head-tools">
          <span class="live" data-testid="alliance-live-status" data-state=${live} title=${t("alliance.liveHint")}>
            <span class="dot" aria-hidden="true"></span>${t(`live.${live}`)}
          </span>
        </div>
      </header>

      <div class="page-tabs">${tabsView("alliance", t("alliance.tabs"), tabs, selected, select)}</div>
      ${tabPanel("alliance", "overview", selected, html`${firms.invitationsView(a)} ${outcome.view(a)} ${firms.view(a)} ${rete.view(a)} ${members.view(a)}`)}
      ${has("bid") ? tabPanel("alliance", "bid", selected, workspace.bidView(a)) : nothing}
      ${has("documents") ? tabPanel("alliance", "documents", selected, workspace.papersView(a)) : nothing}
      ${has("conversation") ? tabPanel("alliance", "conversation", selected, conversation.view(a)) : nothing}
      ${has("partners") ? tabPanel("alliance", "partners", selected, html`${workspace.partnersView(a)} ${invite.view(a)}`) : nothing}
      ${tabPanel("alliance", "agreement", selected, agreement.view(a))}
      ${tabPanel("alliance", "history", selected, historyView(a))}
      ${confirm.view()}
    </article>`;
  }

  void start();

  return {
    title: () => alliance?.name ?? t("alliance.title"),
    follow(route) {
      if (route.name !== "alliance" || route.id !== id) return false;
      tab = route.tab;
      redraw();
      return true;
    },
    dispose: () => {
      disposed = true;
      confirm.dismiss();
      unwatchAlliance?.();
      unwatchAlliance = null;
      unwatchTeams.forEach((stop) => stop());
      loadAlliance.cancel();
      outcome.dispose();
      rete.dispose();
      invite.dispose();
      workspace.dispose();
      conversation.dispose();
    },
    view: () =>
      gone !== null
        ? noAccessView(gone)
        : failure === "notFound"
          ? noAccessView("notFound")
          : failure === "error"
            ? loadErrorView()
            : alliance && ready
              ? allianceView(alliance)
              : loadingView(),
  };
}
