// The one SignalR connection to /hubs/marketplace. Pages watch topics (a business, a space, a space's admin
// lists, a business's own team, a tender, an alliance and its workspace); this module keeps the connection up
// (retrying for ever) and joins every watched group again after a reconnect.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { components } from "../api/schema";
import type { MembershipStatus } from "../api/types";

type Schemas = components["schemas"];

/**
 * What the server pushes, by the client method SignalR calls, as the server declares it (IMarketplaceClient, in the
 * OpenAPI document's HubMessages schema): a renamed or reshaped message fails the type check here.
 */
type Messages = Schemas["HubMessages"];

/** A method this client may invoke on the hub (MarketplaceHub's Watch and Unwatch methods). */
type HubMethod = Schemas["HubMethod"];

/** `connected` means the connection is up and the topic's group has been joined. */
export type LiveState = "connecting" | "connected" | "reconnecting" | "disconnected";

/** The state of a page that needs several topics: connected only when every group it needs is joined. */
export function combinedLiveState(states: readonly LiveState[]): LiveState {
  for (const state of ["disconnected", "reconnecting", "connecting"] as const) if (states.includes(state)) return state;
  return states.length > 0 ? "connected" : "connecting";
}

export interface Watcher<M> {
  changed(message: M): void;
  state(state: LiveState): void;
}

/** BusinessChanged: a watched business's public profile, with its version. */
export type BusinessWatcher = Watcher<Messages["BusinessChanged"]>;

/** SpaceChanged / SpaceMembershipsChanged: which space changed; nothing else, on purpose (the page reloads through the API). */
export type SpaceChange = Messages["SpaceChanged"];

/**
 * SpaceStandingChanged: sent to a firm's own people when its standing in a space changes or a new policy awaits. It
 * always names a standing; the schema's MembershipStatus also admits null, for FirmStandingDto's "never involved".
 */
export type SpaceStandingChange = Omit<Messages["SpaceStandingChanged"], "status"> & { status: MembershipStatus };

/** TenderChanged: a watched tender changed (published, amended, answered, opened, scored, decided); reload it. */
export type TenderChange = Messages["TenderChanged"];

/** InboxChanged: a tender matching the firm's capabilities was published in one of its spaces. */
export type InboxChange = Messages["InboxChanged"];

/** BidChanged: one of the firm's bids was submitted (with its new receipt) or withdrawn. */
export type BidChange = Messages["BidChanged"];

/**
 * AllianceChanged: an alliance changed (a firm invited, joined, left or removed, the lead handed over, new terms);
 * reload it. Sent to the alliance's watchers and to the team groups of its active, invited and just-departed firms.
 */
export type AllianceChange = Messages["AllianceChanged"];

/**
 * JointBidChanged: the alliance's joint bid changed (an edit, which voids the sign-offs; a sign-off; the submission),
 * with what every watcher sees alike (the saved or deleted package, the prices, shares and sign-offs, what a reader may
 * do); "Other" changes are read again. Its digest is that of the joint bid's content now: what a firm signs.
 */
export type JointBidChange = Messages["JointBidChanged"];

/** A JointBidChanged's part for one firm, in the message to that firm's editors only: what they may now do. */
export type JointBidActionsChange = NonNullable<JointBidChange["forFirm"]>;

/** PresenceChanged: who is looking at the alliance's workspace now, the one told included; sent on every join and leave. */
export type PresenceChange = Messages["PresenceChanged"];

/** One person looking at an alliance's workspace now. */
export type WorkspaceViewer = PresenceChange["viewers"][number];

/** ShowcaseChanged: a showcase project of a watched business or space changed; reload what the page shows. */
export type ShowcaseChange = Messages["ShowcaseChanged"];

/** EndorsementChanged: a watched business was endorsed or an endorsement of it withdrawn; reload its endorsements. */
export type EndorsementChange = Messages["EndorsementChanged"];

/** ToDoChanged: something the business's people may have to do changed (a joint bid to sign, a question to answer). */
export type ToDoChange = Messages["ToDoChanged"];

/** LendingChanged: what an auxiliary firm's lending page shows of a joint bid changed (ids only); the page reads it again. */
export type LendingChange = Messages["LendingChanged"];

/** BoardChanged: a post on a space's notice board changed; the board reads it again. */
export type BoardChange = Messages["BoardChanged"];

/** PostNotice: a post just on the board of one of the firm's spaces matches the firm's capabilities. */
export type PostNotice = Messages["PostNotice"];

const boardListeners = new Set<(change: BoardChange) => void>();

/**
 * Hears BoardChanged, which comes to the teams this client watches (the user's firms, see watchBusinessTeam) of the
 * spaces' member firms and to the admin groups it watches; the returned function stops it.
 */
export function onBoardChanged(listener: (change: BoardChange) => void): () => void {
  boardListeners.add(listener);
  return () => boardListeners.delete(listener);
}

/** ProposalChanged: a firm's proposal of tenders found elsewhere changed in a space (made, withdrawn, imported, declined). */
export type ProposalChange = Messages["ProposalChanged"];

const proposalListeners = new Set<(change: ProposalChange) => void>();

/**
 * Hears ProposalChanged, which comes to the admin groups this client watches and to the teams of the user's firms
 * (the proposing firm's); the returned function stops it.
 */
export function onProposalChanged(listener: (change: ProposalChange) => void): () => void {
  proposalListeners.add(listener);
  return () => proposalListeners.delete(listener);
}

/** AnnouncementChanged: an announcement of a space's association was written, edited or withdrawn. */
export type AnnouncementChange = Messages["AnnouncementChanged"];

const announcementListeners = new Set<(change: AnnouncementChange) => void>();

/**
 * Hears AnnouncementChanged, which comes to the admin groups this client watches and to the teams of the user's firms
 * (those that are members of the space); the returned function stops it.
 */
export function onAnnouncementChanged(listener: (change: AnnouncementChange) => void): () => void {
  announcementListeners.add(listener);
  return () => announcementListeners.delete(listener);
}

/** ThreadMessagePosted: a message written in one of the alliance's threads, as the thread's page shows it. */
export type ThreadMessage = Messages["ThreadMessagePosted"];

/** Mentioned: a message of an alliance's conversation mentions the signed-in person (sent to their own connections). */
export type MentionNotice = Messages["Mentioned"];

const mentionListeners = new Set<(notice: MentionNotice) => void>();

/** Hears each Mentioned this client gets; the returned function stops it. */
export function onMentioned(listener: (notice: MentionNotice) => void): () => void {
  mentionListeners.add(listener);
  return () => mentionListeners.delete(listener);
}

/** What the people of an alliance's active firms hear on its group (watchAlliance). */
export type AllianceMessage =
  | { type: "alliance"; change: AllianceChange }
  | { type: "message"; change: ThreadMessage }
  | { type: "jointBid"; change: JointBidChange }
  | { type: "jointBidActions"; change: JointBidActionsChange }
  | { type: "presence"; change: PresenceChange };

/**
 * What a business's own people hear on its team group. SpaceStandingChanged and ToDoChanged name the business; InboxChanged,
 * BidChanged and AllianceChanged do not, so they reach every team watcher of this client once (the client joins
 * only its own teams).
 */
export type TeamMessage =
  | { type: "standing"; change: SpaceStandingChange }
  | { type: "inbox"; change: InboxChange }
  | { type: "bid"; change: BidChange }
  | { type: "alliance"; change: AllianceChange }
  | { type: "todo"; change: ToDoChange }
  | { type: "lending"; change: LendingChange }
  | { type: "post"; change: PostNotice };

/**
 * The hub groups a client can ask for: the server methods that join and leave each one. The admin and team
 * groups have no leave method on the server; when nobody here watches them any more, their messages are dropped.
 */
const kinds = {
  business: { join: "WatchBusiness", leave: "UnwatchBusiness" },
  space: { join: "WatchSpace", leave: "UnwatchSpace" },
  spaceAdmin: { join: "WatchSpaceAdmin", leave: null },
  businessTeam: { join: "WatchBusinessTeam", leave: null },
  tender: { join: "WatchTender", leave: "UnwatchTender" },
  alliance: { join: "WatchAlliance", leave: "UnwatchAlliance" },
} as const satisfies Record<string, { join: HubMethod; leave: HubMethod | null }>;

type Kind = keyof typeof kinds;

interface Topic {
  kind: Kind;
  id: string;
  watchers: Set<Watcher<never>>;
}

const topics = new Map<string, Topic>();
const showcaseListeners = new Set<(change: ShowcaseChange) => void>();

/**
 * Hears ShowcaseChanged, which comes only for the businesses and spaces this client watches (watchBusiness,
 * watchSpace); the returned function stops it.
 */
export function onShowcaseChanged(listener: (change: ShowcaseChange) => void): () => void {
  showcaseListeners.add(listener);
  return () => showcaseListeners.delete(listener);
}

/** ReportsChanged: reports to a space's association were filed or examined; the queue or the firm's list reads them again. */
export type ReportsChange = Messages["ReportsChanged"];

const reportsListeners = new Set<(change: ReportsChange) => void>();

/**
 * Hears ReportsChanged, sent to a space's admins (watchSpaceAdmin) and to the reporting firms' people (their team
 * groups); the returned function stops it.
 */
export function onReportsChanged(listener: (change: ReportsChange) => void): () => void {
  reportsListeners.add(listener);
  return () => reportsListeners.delete(listener);
}

const endorsementListeners = new Set<(change: EndorsementChange) => void>();

/** Hears EndorsementChanged, which comes only for the businesses this client watches (watchBusiness); the returned function stops it. */
export function onEndorsementChanged(listener: (change: EndorsementChange) => void): () => void {
  endorsementListeners.add(listener);
  return () => endorsementListeners.delete(listener);
}

/** MyBusinessesChanged: the signed-in person joined or left a business's team (the server already moved their connection). */
export type MyBusinessesChange = Messages["MyBusinessesChanged"];

const myBusinessesListeners = new Set<(change: MyBusinessesChange) => void>();

/** Hears that the signed-in person joined or left a business's team; the returned function stops it. */
export function onMyBusinessesChanged(listener: (change: MyBusinessesChange) => void): () => void {
  myBusinessesListeners.add(listener);
  return () => myBusinessesListeners.delete(listener);
}

/**
 * The person's own page changed their teams (made a business, accepted an invitation): its listeners hear it as if
 * the server had said so. The server's message reaches only an open connection, and a person who acts for no
 * business yet watches nothing, so has none: their first business would otherwise be followed only after a reload.
 */
export function myBusinessesChangedHere(change: MyBusinessesChange): void {
  myBusinessesListeners.forEach((listener) => listener(change));
}

const tenderListeners = new Set<(change: TenderChange) => void>();

/**
 * Hears every TenderChanged this client gets: for the tenders it watches (watchTender) and for the published tenders
 * of the spaces it watches (watchSpace), whose lists follow; the returned function stops it.
 */
export function onTenderChanged(listener: (change: TenderChange) => void): () => void {
  tenderListeners.add(listener);
  return () => tenderListeners.delete(listener);
}

let connection: HubConnection | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let startAttempts = 0;

/** 0 s, 1 s, 2 s, 4 s … capped at 30 s. */
const retryDelay = (attempt: number): number => (attempt === 0 ? 0 : Math.min(30_000, 1000 * 2 ** (attempt - 1)));

const topicKey = (kind: Kind, id: string): string => `${kind}:${id.toLowerCase()}`;

function notify(topic: Topic, state: LiveState): void {
  topic.watchers.forEach((watcher) => watcher.state(state));
}

function notifyAll(state: LiveState): void {
  for (const topic of topics.values()) notify(topic, state);
}

function deliver<M>(kind: Kind, id: string, message: M): void {
  topics.get(topicKey(kind, id))?.watchers.forEach((watcher) => (watcher as Watcher<M>).changed(message));
}

/**
 * The watchers of every topic of one kind, each once: a watcher that follows several firms' teams hears a
 * message that names no firm a single time.
 */
export function watchersOfKind<W>(all: Iterable<{ kind: string; watchers: ReadonlySet<W> }>, kind: string): Set<W> {
  const found = new Set<W>();
  for (const topic of all) if (topic.kind === kind) topic.watchers.forEach((watcher) => found.add(watcher));
  return found;
}

function deliverToTeams(message: TeamMessage): void {
  watchersOfKind(topics.values(), "businessTeam").forEach((watcher) => (watcher as Watcher<TeamMessage>).changed(message));
}

async function join(topic: Topic): Promise<void> {
  const conn = hub();
  try {
    await conn.invoke(kinds[topic.kind].join, topic.id);
    if (conn === connection && topics.get(topicKey(topic.kind, topic.id)) === topic) notify(topic, "connected");
  } catch {
    if (conn === connection) notify(topic, "disconnected");
  }
}

function joinAll(): void {
  for (const topic of topics.values()) void join(topic);
}

async function start(): Promise<void> {
  clearTimeout(retryTimer);
  const conn = hub();
  notifyAll("connecting");
  try {
    await conn.start();
    if (conn !== connection) return;
    startAttempts = 0;
    joinAll();
  } catch {
    if (conn !== connection) return;
    notifyAll("disconnected");
    if (topics.size > 0) retryTimer = setTimeout(() => void start(), retryDelay(++startAttempts));
  }
}

function hub(): HubConnection {
  if (connection) return connection;
  const conn = new HubConnectionBuilder()
    .withUrl("/hubs/marketplace")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => retryDelay(previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  // A connection replaced by restartHub() may still say something while it closes: only the current one counts.
  const current = () => conn === connection;
  // One handler per message the server can push: a message added on the server without one here fails the type
  // check (SignalR would otherwise log a warning for it and drop it).
  const handlers: { [M in keyof Messages]: (message: Messages[M]) => void } = {
    BusinessChanged: (profile) => deliver("business", profile.id, profile),
    // Sent to a business's team with its members; nothing shows it yet.
    BusinessTeamChanged: () => undefined,
    SpaceChanged: (change) => deliver("space", change.spaceId, change),
    SpaceMembershipsChanged: (change) => deliver("spaceAdmin", change.spaceId, change),
    SpaceStandingChanged: (change) =>
      deliver<TeamMessage>("businessTeam", change.firmId, { type: "standing", change: change as SpaceStandingChange }),
    InboxChanged: (change) => deliverToTeams({ type: "inbox", change }),
    BidChanged: (change) => deliverToTeams({ type: "bid", change }),
    TenderChanged: (change) => {
      deliver("tender", change.tenderId, change);
      tenderListeners.forEach((listener) => listener(change));
    },
    AllianceChanged: (change) => {
      deliver<AllianceMessage>("alliance", change.allianceId, { type: "alliance", change });
      deliverToTeams({ type: "alliance", change });
    },
    // An editor's message carries their firm's part: the part first, so the change that follows applies at once.
    JointBidChanged: (change) => {
      if (change.forFirm) deliver<AllianceMessage>("alliance", change.allianceId, { type: "jointBidActions", change: change.forFirm });
      deliver<AllianceMessage>("alliance", change.allianceId, { type: "jointBid", change });
    },
    PresenceChanged: (change) => deliver<AllianceMessage>("alliance", change.allianceId, { type: "presence", change }),
    ThreadMessagePosted: (change) => deliver<AllianceMessage>("alliance", change.allianceId, { type: "message", change }),
    // Sent to the mentioned person's own connections, wherever they are in the app.
    Mentioned: (notice) => mentionListeners.forEach((listener) => listener(notice)),
    ToDoChanged: (change) => deliver<TeamMessage>("businessTeam", change.businessId, { type: "todo", change }),
    // Sent to an auxiliary firm's own team: its lending page of that alliance (and its to-do list) read again.
    LendingChanged: (change) => deliver<TeamMessage>("businessTeam", change.firmId, { type: "lending", change }),
    // Sent to watchers of the project's firms and of their spaces; the message names neither, so every listener reloads.
    ShowcaseChanged: (change) => showcaseListeners.forEach((listener) => listener(change)),
    ReportsChanged: (change) => reportsListeners.forEach((listener) => listener(change)),
    // Sent to the watchers of the endorsed business's page.
    EndorsementChanged: (change) => endorsementListeners.forEach((listener) => listener(change)),
    MyBusinessesChanged: (change) => myBusinessesListeners.forEach((listener) => listener(change)),
    // Sent to the teams of a space's member firms and to its admins; the board page of that space reloads.
    BoardChanged: (change) => boardListeners.forEach((listener) => listener(change)),
    // Sent to the teams of the member firms a new post matches: a notice, as for a new matching tender.
    PostNotice: (notice) => deliverToTeams({ type: "post", change: notice }),
    // Sent to the space's admins and the proposing firm's people; the proposals' lists of that space reload.
    ProposalChanged: (change) => proposalListeners.forEach((listener) => listener(change)),
    // Sent to the space's admins and its member firms' people; the announcements of that space reload.
    AnnouncementChanged: (change) => announcementListeners.forEach((listener) => listener(change)),
  };
  for (const [method, handler] of Object.entries(handlers) as [string, (message: unknown) => void][])
    conn.on(method, (message: unknown) => current() && handler(message));
  conn.onreconnecting(() => current() && notifyAll("reconnecting"));
  conn.onreconnected(() => current() && joinAll());
  conn.onclose(() => {
    if (!current()) return;
    notifyAll("disconnected");
    if (topics.size > 0) void start();
  });
  connection = conn;
  return conn;
}

function watch<M>(kind: Kind, rawId: string, watcher: Watcher<M>): () => void {
  const id = rawId.toLowerCase();
  const key = topicKey(kind, id);
  let topic = topics.get(key);
  if (!topic) {
    topic = { kind, id, watchers: new Set() };
    topics.set(key, topic);
  }
  const entry = watcher as unknown as Watcher<never>;
  topic.watchers.add(entry);

  // Joining is idempotent on the server, so joining again for a second watcher is harmless.
  const conn = hub();
  if (conn.state === HubConnectionState.Disconnected) void start();
  else if (conn.state === HubConnectionState.Connected) {
    watcher.state("connecting");
    void join(topic);
  } else watcher.state(conn.state === HubConnectionState.Reconnecting ? "reconnecting" : "connecting");

  const own = topic;
  return () => {
    own.watchers.delete(entry);
    if (own.watchers.size > 0 || topics.get(key) !== own) return;
    topics.delete(key);
    const leave = kinds[kind].leave;
    // Best effort: if this fails the connection is gone, and with it the group membership.
    if (leave && connection?.state === HubConnectionState.Connected)
      connection.invoke(leave, id).catch(() => undefined);
  };
}

/** Starts receiving BusinessChanged for one business; the returned function stops it. */
export const watchBusiness = (businessId: string, watcher: BusinessWatcher): (() => void) => watch("business", businessId, watcher);

/** SpaceChanged for one space: anyone may watch it; reload what the page shows when it comes. */
export const watchSpace = (spaceId: string, watcher: Watcher<SpaceChange>): (() => void) => watch("space", spaceId, watcher);

/** SpaceMembershipsChanged for one space: its admins only (the server refuses others: state `disconnected`). */
export const watchSpaceAdmin = (spaceId: string, watcher: Watcher<SpaceChange>): (() => void) =>
  watch("spaceAdmin", spaceId, watcher);

/**
 * The team group of one of the user's own businesses: its standing in any space (SpaceStandingChanged, for this
 * business only), and for a firm its inbox (InboxChanged), its bids (BidChanged) and its alliances and invitations
 * (AllianceChanged). Its members only.
 */
export const watchBusinessTeam = (businessId: string, watcher: Watcher<TeamMessage>): (() => void) =>
  watch("businessTeam", businessId, watcher);

/** TenderChanged for one tender: anyone who may see it; reload it when it comes. */
export const watchTender = (tenderId: string, watcher: Watcher<TenderChange>): (() => void) => watch("tender", tenderId, watcher);

/**
 * One alliance's group: AllianceChanged, and its workspace's JointBidChanged (with the part of the firm the viewer
 * edits for) and PresenceChanged (joining it is
 * opening the workspace: the others see the viewer arrive). The people of its active firms only. The server refuses
 * anyone else (an invited firm's people hear of AllianceChanged on their team group instead): state `disconnected`.
 */
export const watchAlliance = (allianceId: string, watcher: Watcher<AllianceMessage>): (() => void) =>
  watch("alliance", allianceId, watcher);

/**
 * Drops the connection and opens a new one for the watched topics. A hub connection is authenticated once, when
 * it opens: after signing in or out it must be opened again, or it would keep acting as the previous user.
 */
export function restartHub(): void {
  const old = connection;
  if (!old) return;
  connection = null;
  clearTimeout(retryTimer);
  startAttempts = 0;
  void old.stop().catch(() => undefined);
  if (topics.size > 0) void start();
}
