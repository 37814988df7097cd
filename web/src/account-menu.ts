// The signed-in person's place in the header: a round badge with their initials that opens a short list (who they
// are, their account, a new business, signing out). The header has no room for a long name beside eight links at a
// laptop's width or on a phone, so the name is shown in the list, by design, and is the button's name for screen
// readers. A disclosure, not an ARIA menu: its entries are ordinary links and a button, reached with Tab; Escape
// closes it and gives the focus back to the button.
import { html, nothing } from "lit-html";
import type { MeDto } from "./api/types";
import { signOut } from "./features/auth/session";
import { initials } from "./features/joint-bids/presence";
import { t } from "./i18n";
import type { Redraw } from "./page";
import { href, navigate } from "./router";

let open = false;
let redraw: Redraw = () => undefined;

function setOpen(value: boolean, focusButton = false): void {
  if (open === value) return;
  open = value;
  if (open) {
    document.addEventListener("click", onOutsideClick, true);
    document.addEventListener("keydown", onKey);
    window.addEventListener("hashchange", close);
  } else {
    document.removeEventListener("click", onOutsideClick, true);
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("hashchange", close);
  }
  redraw();
  if (focusButton) queueMicrotask(() => document.getElementById("account-button")?.focus());
}

const close = () => setOpen(false);

function onOutsideClick(event: MouseEvent): void {
  if (!(event.target instanceof Node) || !document.getElementById("account-menu-root")?.contains(event.target)) close();
}

function onKey(event: KeyboardEvent): void {
  if (event.key === "Escape") setOpen(false, true);
}

async function logout(): Promise<void> {
  setOpen(false);
  await signOut();
  navigate({ name: "directory" });
}

export function accountMenu(user: MeDto, requestRedraw: Redraw) {
  redraw = requestRedraw;
  return html`<div class="account-menu" id="account-menu-root">
    <button type="button" id="account-button" class="account-button" data-testid="nav-account" data-initials=${initials(user.name)}
      aria-expanded=${open ? "true" : "false"} aria-controls="account-menu" title=${user.name}
      @click=${() => setOpen(!open)}><span class="visually-hidden">${user.name}</span></button>
    ${open
      ? html`<div class="account-panel" id="account-menu" data-testid="account-menu">
          <p class="account-who"><strong data-testid="account-menu-name">${user.name}</strong><span class="muted">${user.email}</span></p>
          <ul>
            <li><a href=${href({ name: "account" })} data-testid="nav-account-page">${t("nav.account")}</a></li>
            <li><a href=${href({ name: "newBusiness" })} data-testid="nav-new-business">${t("nav.newBusiness")}</a></li>
            <li><button type="button" class="link" data-testid="logout" @click=${logout}>${t("nav.logout")}</button></li>
          </ul>
        </div>`
      : nothing}
  </div>`;
}
