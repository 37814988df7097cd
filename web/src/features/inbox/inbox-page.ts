// #/inbox — the tenders published for the user's firms: those matching their capabilities, in their spaces; and the
// open posts of their spaces' notice boards that match them.
// Opening it marks everything read (the server keeps when each person last read their inbox).
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { InboxItemDto, InboxPostDto, MyBusinessDto } from "../../api/types";
import { formatDate, formatDateTime, t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { formatDeadline } from "../tenders/dates";
import { namedLotsView, tenderStatusBadge } from "../tenders/tender-views";
import { newestFirst } from "./inbox-data";
import { dismissInboxNotices, markInboxRead, onInboxChanged } from "./inbox";

interface FirmInbox {
  firm: MyBusinessDto;
  items: InboxItemDto[] | null;
  failed: boolean;
  /** The boards' open posts matching the firm; none shown when they could not be read. */
  posts: InboxPostDto[];
}

export function inboxPage(redraw: Redraw): Page {
  let inboxes: FirmInbox[] | null = null;
  /** The user's businesses that are not firms: a buyer or an association is told what it does instead of this page. */
  let others: MyBusinessDto[] = [];
  let failed = false;

  const load = latestOnly(
    async () => {
      const mine = await api.myBusinesses();
      const firms = mine.filter((b) => b.kind === "Firm");
      // Read the lists before marking them read, so that what is new is shown as new this once.
      const lists = await Promise.all(
        firms.map(async (firm) => {
          const posts = await api.inboxPosts(firm.id).catch(() => [] as InboxPostDto[]);
          return api.inbox(firm.id).then((items) => ({ firm, items, failed: false, posts }), () => ({ firm, items: null, failed: true, posts }));
        }),
      );
      return { lists, others: mine.filter((b) => b.kind !== "Firm") };
    },
    (read) => {
      inboxes = read.lists;
      others = read.others;
      failed = false;
      redraw();
      markInboxRead().catch(() => undefined); // The badge stays until the next visit: nothing else depends on it.
    },
    () => {
      failed = inboxes === null;
      redraw();
    },
  );

  dismissInboxNotices();
  load();
  const unlisten = onInboxChanged(() => load());

  const itemView = (item: InboxItemDto) => html`<li class="inbox-item ${item.unread ? "unread" : ""}" data-testid="inbox-item"
    data-tender-id=${item.tenderId} data-unread=${item.unread ? "true" : "false"}>
    <div class="title-row">
      <a class="name" href=${href({ name: "tender", id: item.tenderId.toLowerCase() })}>${item.title}</a>
      ${item.unread ? html`<span class="badge new">${t("inbox.unread")}</span>` : nothing}
      ${tenderStatusBadge(item.status)}
    </div>
    <p class="meta">
      <span>${t("inbox.published", { when: formatDateTime(item.at) })}</span>
      <span>${t("inbox.deadline", { when: formatDeadline(item.submissionDeadline) })}</span>
    </p>
    ${item.lots.length ? namedLotsView(item.lots, t("inbox.lots"), "inbox-lots", item.tenderId) : nothing}
  </li>`;

  const postView = ({ post, spaceName }: InboxPostDto) => html`<li class="inbox-item" data-testid="inbox-post" data-post-id=${post.id}>
    <div class="title-row">
      <a class="name" href=${href({ name: "space", id: post.spaceId.toLowerCase(), tab: "board", post: post.id.toLowerCase() })}>${post.title}</a>
      <span class="badge">${t(`board.kind.${post.kind}`)}</span>
    </div>
    <p class="meta">
      <span>${t("inbox.postIn", { space: spaceName, firm: post.posterName })}</span>
      <span>${t("board.until", { day: formatDate(post.expiresOn) })}</span>
    </p>
  </li>`;

  const postsView = (posts: InboxPostDto[]) =>
    posts.length === 0
      ? nothing
      : html`<h3>${t("inbox.posts")}</h3><ul class="inbox-list" data-testid="inbox-posts">${posts.map(postView)}</ul>`;

  const firmView = ({ firm, items, failed: firmFailed, posts }: FirmInbox, many: boolean) => html`<section class="card inbox-firm"
    data-testid="inbox-firm" data-firm-id=${firm.id} aria-labelledby="inbox-${firm.id}">
    ${many ? html`<h2 id="inbox-${firm.id}">${firm.name}</h2>` : html`<h2 id="inbox-${firm.id}" class="visually-hidden">${firm.name}</h2>`}
    ${firmFailed
      ? loadErrorView()
      : items && items.length
        ? html`<ul class="inbox-list">${newestFirst(items).map(itemView)}</ul>`
        : posts.length
          ? nothing
          : html`<p class="muted">${t("inbox.empty", { firm: firm.name })}</p>`}
    ${postsView(posts)}
  </section>`;

  /** Without a firm the page has nothing for the user: a buyer's questions and notices are on its tenders, an association's on its spaces. */
  const noFirmView = (businesses: MyBusinessDto[]) => {
    const buyer = businesses.find((b) => b.kind === "Buyer");
    if (buyer)
      return html`<p class="empty" data-testid="inbox-no-firm" data-kind="Buyer">${t("inbox.buyer", { buyer: buyer.name })}
        <a href=${href({ name: "myTenders", buyer: buyer.id.toLowerCase() })}>${t("nav.myTenders")}</a></p>`;
    const association = businesses.find((b) => b.kind === "Association");
    if (association)
      return html`<p class="empty" data-testid="inbox-no-firm" data-kind="Association">${t("inbox.association", { association: association.name })}
        <a href=${href({ name: "spaces" })}>${t("nav.spaces")}</a></p>`;
    return html`<p class="empty" data-testid="inbox-no-firm">${t("inbox.noFirm")}
      <a href=${href({ name: "newBusiness" })}>${t("nav.newBusiness")}</a></p>`;
  };

  return {
    title: () => t("inbox.title"),
    dispose: () => {
      unlisten();
      load.cancel();
    },
    view: () => html`<section class="inbox">
      <div class="page-head">
        <h1>${t("inbox.title")}</h1>
        <p class="muted">${t("inbox.intro")}</p>
      </div>
      ${failed
        ? loadErrorView()
        : inboxes === null
          ? loadingView()
          : inboxes.length === 0
            ? noFirmView(others)
            : inboxes.map((inbox) => firmView(inbox, inboxes!.length > 1))}
    </section>`,
  };
}
