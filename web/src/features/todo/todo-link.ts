// The label of the header's "Da fare" link, for a signed-in user: the count of what waits for them, said with it.
import { html, nothing } from "lit-html";
import { t, tn } from "../../i18n";
import { toDoItems } from "./todo";

export function toDoLabel() {
  const count = toDoItems()?.length ?? 0;
  return html`${t("nav.todo")}${count > 0
    ? html` <span class="nav-badge" data-testid="todo-count" data-count=${count} aria-label=${tn("nav.todoCount", count)}>${count}</span>`
    : nothing}`;
}
