// The header: the brand, the main links, the language and who is signed in (account-menu.ts). From 1024 px up in one
// row; narrower, the links go to a row of their own that scrolls sideways instead of wrapping into several rows.
import { html, nothing } from "lit-html";
import { accountMenu } from "./account-menu";
import { currentUser } from "./features/auth/session";
import { myBuyers } from "./features/buyer-tenders/my-buyers";
import { inboxFirms, inboxUnread } from "./features/inbox/inbox";
import { toDoChip, toDoLabel } from "./features/todo/todo-link";
import { currentLanguage, languages, setLanguage, t, tn } from "./i18n";
import type { Redraw } from "./page";
import { href, type Route } from "./router";

/** A menu entry; `section` lists the other routes that belong to it (a space's page is under Spaces). */
function navLink(target: Route, current: Route, label: unknown, testid?: string, section: readonly Route["name"][] = []) {
  const exact = target.name === current.name;
  const active = exact || section.includes(current.name);
  return html`<a href=${href(target)} class=${active ? "active" : ""} aria-current=${exact ? "page" : active ? "true" : "false"}
    data-testid=${testid ?? nothing}>${label}</a>`;
}

/** The tender inbox, for people of a firm, with the count of unread tenders. */
function inboxLink(route: Route) {
  if (inboxFirms().length === 0) return nothing;
  const unread = inboxUnread();
  const label = html`${t("nav.inbox")}${unread > 0
    ? html` <span class="nav-badge" data-testid="inbox-unread" data-count=${unread} aria-label=${tn("nav.inboxUnread", unread)}>${unread}</span>`
    : nothing}`;
  return navLink({ name: "inbox" }, route, label, "nav-inbox");
}

export function header(route: Route, redraw: Redraw) {
  const user = currentUser();
  // Come back here after signing in; on the sign-in pages themselves, keep where they lead.
  const next = route.name === "login" || route.name === "register" ? route.next : location.hash || null;
  return html`
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="#/">Marketplace</a>
        <nav class="main-nav" aria-label=${t("nav.label")}>
          ${navLink({ name: "directory" }, route, t("nav.directory"))}
          ${navLink({ name: "spaces" }, route, t("nav.spaces"), "nav-spaces", ["space", "newSpace", "editSpace", "spaceDashboard"])}
          ${navLink({ name: "tenders" }, route, t("nav.tenders"), "nav-tenders", ["tender"])}
          ${user ? navLink({ name: "myBusinesses" }, route, t("nav.myBusinesses")) : nothing}
          ${user ? inboxLink(route) : nothing}
          ${user ? navLink({ name: "todo" }, route, toDoLabel(), "nav-todo") : nothing}
          ${user && myBuyers().length > 0 ? navLink({ name: "myTenders", buyer: null }, route, t("nav.myTenders"), "nav-my-tenders") : nothing}
          ${user ? nothing : navLink({ name: "newBusiness" }, route, t("nav.newBusiness"))}
        </nav>
        <div class="tools">
          <div class="lang-switch" role="group" aria-label=${t("lang.label")} data-testid="lang-switch">
            ${languages.map(
              (lang) => html`<button type="button" data-testid="lang-${lang}" aria-pressed=${lang === currentLanguage() ? "true" : "false"}
                title=${t(`lang.${lang}`)} @click=${() => setLanguage(lang)}>${lang.toUpperCase()}</button>`,
            )}
          </div>
          ${user ? toDoChip() : nothing}
          ${user
            ? accountMenu(user, redraw)
            : html`<span class="user">
                <a href=${href({ name: "login", next })} data-testid="nav-login">${t("nav.login")}</a>
                <span class="sep" aria-hidden="true">·</span>
                <a href=${href({ name: "register", next })} data-testid="nav-register">${t("nav.register")}</a></span>`}
        </div>
      </div>
    </header>
  `;
}
