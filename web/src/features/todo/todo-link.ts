// The label of the header's "Da fare" link, for a signed-in user: the count of what waits for them, said with it.
import { html, nothing } from "lit-html";
import { t, tn } from "../../i18n";
import { href } from "../../router";
import { toDoItems } from "./todo";

export function toDoLabel() {
  const count = toDoItems()?.length ?? 0;
  return html`${t("nav.todo")}${count > 0
    ? html` <span class="nav-badge" data-testid="todo-count" data-count=${count} aria-label=${tn("nav.todoCount", count)}>${count}</span>`
    : nothing}`;
}

/**
 * On a phone the header's links scroll sideways and "Da fare" is past the edge: while something waits, the same link
 * with its count stays in sight on the first row, beside the account's badge (hidden wider, where the link shows).
 */
export function toDoChip() {
  const count = toDoItems()?.length ?? 0;
  return count > 0
    ? html`<a class="todo-chip" href=${href({ name: "todo" })} data-testid="nav-todo-chip" aria-label=${tn("nav.todoCount", count)}>
        <span class="todo-chip-label">${t("nav.todo")}</span> <span class="nav-badge" data-count=${count}>${count}</span></a>`
    : nothing;
}
