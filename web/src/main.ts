import { html, nothing, render } from "lit-html";
import { keyed } from "lit-html/directives/keyed.js";
import { alliancePage } from "./features/alliances/alliance-page";
import { lendingPage } from "./features/joint-bids/lending-page";
import { allianceNoticeItems, restartAllianceNotices } from "./features/alliances/alliance-notices";
import { accountPage } from "./features/auth/account-page";
import { unsubscribePage } from "./features/notifications/unsubscribe-page";
import { authPage } from "./features/auth/auth-pages";
import { confirmEmailPage, forgotPasswordPage, resetPasswordPage } from "./features/auth/recovery-pages";
import { currentUser, onSessionChange, refreshSession } from "./features/auth/session";
import { businessPage } from "./features/businesses/business-page";
import { directoryPage } from "./features/businesses/directory-page";
import { editPage } from "./features/businesses/edit-page";
import { myBusinessesPage } from "./features/businesses/my-businesses-page";
import { restartMyBuyers } from "./features/buyer-tenders/my-buyers";
import { myTendersPage } from "./features/buyer-tenders/my-tenders-page";
import { newBusinessPage } from "./features/businesses/new-business-page";
import { dashboardPage } from "./features/spaces/dashboard-page";
import { spaceFormPage } from "./features/spaces/space-form-page";
import { spacePage } from "./features/spaces/space-page";
import { spacesPage } from "./features/spaces/spaces-page";
import { restartStandingNotices, standingNoticeItems } from "./features/spaces/standing-notices";
import { inboxNoticeItems, restartInbox } from "./features/inbox/inbox";
import { mentionNoticeItems, restartMentionNotices } from "./features/conversations/mention-notices";
import { inboxPage } from "./features/inbox/inbox-page";
import { tenderFormPage } from "./features/tenders/tender-form-page";
import { tenderPage } from "./features/tenders/tender-page";
import { tendersPage } from "./features/tenders/tenders-page";
import { restartToDo } from "./features/todo/todo";
import { toDoPage } from "./features/todo/todo-page";
import { header } from "./header";
import { initI18n, onLanguageChange, t } from "./i18n";
import type { Page, Redraw } from "./page";
import { onMyBusinessesChanged, restartHub } from "./realtime/hub";
import { navigate, parseRoute, requiresSignIn, type Route } from "./router";
import { noticesView, notFoundView } from "./views";
// Styles, in cascade order: the tokens, the shared base, then each feature (a later file may refine an earlier one).
import "./styles/tokens.css";
import "./styles/base.css";
import "./features/auth/auth.css";
import "./features/businesses/businesses.css";
import "./features/qualifications/qualifications.css";
import "./features/spaces/spaces.css";
import "./features/spaces/dashboard.css";
import "./features/showcase/showcase.css";
import "./features/board/board.css";
import "./features/tenders/tenders.css";
import "./features/soccorso/soccorso.css";
import "./features/inbox/inbox.css";
import "./features/buyer-tenders/my-tenders.css";
import "./features/todo/todo.css";
import "./features/alliances/alliances.css";
import "./features/joint-bids/joint-bids.css";
import "./features/conversations/conversations.css";

function pageFor(route: Route, redraw: Redraw): Page {
  switch (route.name) {
    case "directory":
      return directoryPage(redraw);
    case "login":
    case "register":
      return authPage(route.name, route.next, redraw, route.email);
    case "account":
      return accountPage(redraw);
    case "confirmEmail":
      return confirmEmailPage(route, redraw);
    case "unsubscribe":
      return unsubscribePage(route.token, redraw);
    case "forgotPassword":
      return forgotPasswordPage(redraw);
    case "resetPassword":
      return resetPasswordPage(route, redraw);
    case "myBusinesses":
      return myBusinessesPage(redraw);
    case "myTenders":
      return myTendersPage(route.buyer, redraw);
    case "newBusiness":
      return newBusinessPage(redraw);
    case "business":
      return businessPage(route.id, redraw);
    case "editBusiness":
      return editPage(route.id, redraw);
    case "spaces":
      return spacesPage(redraw);
    case "newSpace":
      return spaceFormPage(null, redraw);
    case "space":
      return spacePage(route.id, route.tab, redraw, route.post);
    case "editSpace":
      return spaceFormPage(route.id, redraw);
    case "spaceDashboard":
      return dashboardPage(route.id, redraw);
    case "inbox":
      return inboxPage(redraw);
    case "todo":
      return toDoPage();
    case "tenders":
      return tendersPage(redraw);
    case "newTender":
      return tenderFormPage({ kind: "new", buyer: route.buyer });
    case "tender":
      return tenderPage(route.id, redraw);
    case "editTender":
      return tenderFormPage({ kind: "edit", id: route.id });
    case "amendTender":
      return tenderFormPage({ kind: "amend", id: route.id });
    case "alliance":
      return alliancePage(route.id, route.tab, redraw);
    case "lending":
      return lendingPage(route.id, redraw);
    case "notFound":
      return { title: () => t("notFound.title"), view: () => notFoundView(t("notFound.title")) };
  }
}

const root = document.getElementById("app")!;
let route: Route = parseRoute(location.hash);
let page: Page | null = null;
/** An unexpected failure that no page handled; shown until dismissed. */
let unexpected: string | null = null;

function draw(): void {
  if (!page) return;
  document.title = `${page.title()} · Marketplace`;
  // The page's view is keyed by the mounted page: components keep their state in their elements, so a page mounted
  // afresh (another space, or the same one from a new address) starts from new ones, not from the last page's.
  render(
    html`<a class="skip-link" href="#main" data-testid="skip-link" @click=${skipToContent}>${t("common.skipToContent")}</a>
      ${header(route, redraw)}
      <main class="container" id="main" tabindex="-1">
        ${unexpected
          ? html`<div class="alert error" role="alert">${unexpected}
              <button type="button" class="link" @click=${() => { unexpected = null; redraw(); }}>${t("common.dismiss")}</button></div>`
          : nothing}
        ${keyed(page, page.view())}
      </main>
      ${noticesView([...standingNoticeItems(), ...inboxNoticeItems(), ...allianceNoticeItems(), ...mentionNoticeItems()])}`,
    root,
  );
}

/** Keyboard users pass the header in one step; the address keeps its route (a "#main" hash would be read as one). */
function skipToContent(event: Event): void {
  event.preventDefault();
  document.getElementById("main")?.focus();
}

/** Pages ask for a redraw; several requests in one turn (or one made while rendering, e.g. from a blur) make one render. */
let drawQueued = false;
function redraw(): void {
  if (drawQueued) return;
  drawQueued = true;
  queueMicrotask(() => {
    drawQueued = false;
    draw();
  });
}

function mount(): void {
  const next = parseRoute(location.hash);
  if (requiresSignIn(next) && !currentUser()) {
    navigate({ name: "login", next: location.hash }, true);
    return;
  }
  if (page?.follow?.(next)) {
    route = next;
    draw();
    return;
  }
  page?.dispose?.();
  route = next;
  page = pageFor(route, redraw);
  window.scrollTo({ top: 0 });
  draw();
}

initI18n();
window.addEventListener("hashchange", mount);
window.addEventListener("unhandledrejection", (event) => {
  console.error(event.reason);
  unexpected = t("error.unexpected");
  redraw();
});
onLanguageChange(redraw);

refreshSession()
  .catch(() => (unexpected = t("error.network")))
  .finally(() => {
    // A different user may see different things (roles, edit links): start the page afresh. The hub
    // connection is authenticated when it opens, so it is opened again as the new user.
    onSessionChange(() => {
      restartHub();
      restartStandingNotices(redraw);
      restartInbox(redraw);
      restartMyBuyers(redraw);
      restartAllianceNotices(redraw);
      restartMentionNotices(redraw);
      restartToDo(redraw);
      mount();
    });
    // Joined or left a team meanwhile: the notices, the inbox and the header follow the businesses the person acts for now.
    onMyBusinessesChanged(() => {
      restartStandingNotices(redraw);
      restartInbox(redraw);
      restartMyBuyers(redraw);
      restartAllianceNotices(redraw);
      restartToDo(redraw);
      redraw();
    });
    restartStandingNotices(redraw);
    restartInbox(redraw);
    restartMyBuyers(redraw);
    restartAllianceNotices(redraw);
    restartMentionNotices(redraw);
    restartToDo(redraw);
    mount();
  });
