// #/todo — what the signed-in person must do now (GET /api/me/todo), soonest deadline first: each row says what to do
// in plain words, for which business, by when, and links where it is done. The list is the one the header counts
// (todo.ts), kept live by the user's hub messages.
import { html, nothing } from "lit-html";
import type { ToDoItemDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import type { Page } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { formatDeadline } from "../tenders/dates";
import { refreshToDo, toDoFailed, toDoItems, toDoLive } from "./todo";
import { toDoKey, toDoRoute, toDoText } from "./todo-data";

function itemView(item: ToDoItemDto) {
  const target = href(toDoRoute(item));
  return html`<li class="my-todo-item" data-testid="todo-item" data-kind=${item.kind} data-key=${toDoKey(item)}>
    <a class="my-todo-what" href=${target}>${toDoText(item)}</a>
    ${item.tender && item.kind !== "AnswerQuestions" ? html`<p class="muted">${t("todo.forTender", { tender: item.tender.name })}</p>` : nothing}
    <p class="my-todo-when">
      ${item.deadline ? html`<strong data-testid="todo-deadline">${t("todo.deadline", { when: formatDeadline(item.deadline) })}</strong>` : nothing}
      <span class="muted">${t("todo.since", { when: formatDateTime(item.since) })}</span>
    </p>
    <a class="button" href=${target}>${t(`todo.open.${item.kind}`)}</a>
  </li>`;
}

/** Whether the list follows changes as they happen (the user's businesses' team groups joined). */
function liveView() {
  const live = toDoLive();
  if (live === null) return nothing;
  return html`<p class="live" data-testid="todo-live-status" data-state=${live} title=${t("todo.liveHint")}>
    <span class="dot" aria-hidden="true"></span>${t(`live.${live}`)}</p>`;
}

export function toDoPage(): Page {
  // The header's list may be minutes old (no message reaches it for every change): opening the page reads it again.
  refreshToDo();
  return {
    title: () => t("todo.title"),
    view: () => {
      const items = toDoItems();
      return html`<section class="my-todo" data-testid="todo">
        <div class="page-head">
          <h1>${t("todo.title")}</h1>
          <p class="muted">${t("todo.intro")}</p>
          ${liveView()}
        </div>
        ${toDoFailed()
          ? loadErrorView()
          : items === null
            ? loadingView()
            : items.length === 0
              ? html`<div class="empty card" data-testid="todo-empty"><p><strong>${t("todo.empty")}</strong></p>
                  <p class="muted">${t("todo.emptyDetail")}</p></div>`
              : html`<ul class="my-todo-list card">${items.map(itemView)}</ul>`}
      </section>`;
    },
  };
}
