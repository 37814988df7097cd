// What each row of the to-do list says and where it leads: pure, so the texts and routes are tested without a page.
import type { ToDoItemDto } from "../../api/types";
import { t, tn } from "../../i18n";
import type { Route } from "../../router";

/** The row in plain words: what to do, for which business, about what. */
export function toDoText(item: ToDoItemDto): string {
  const params = {
    business: item.business.name,
    space: item.space?.name ?? "",
    alliance: item.alliance?.name ?? "",
    tender: item.tender?.name ?? "",
  };
  switch (item.kind) {
    case "BusinessInvitation":
      return t("todo.BusinessInvitation", { ...params, role: item.role ? t(`role.${item.role}`) : "" });
    case "AnswerQuestions":
      return tn("todo.AnswerQuestions", item.count, params);
    case "AnswerSoccorso":
      return tn("todo.AnswerSoccorso", item.count, params);
    case "ConfirmAvvalimento":
      return tn("todo.ConfirmAvvalimento", item.count, params);
    default:
      return t(`todo.${item.kind}`, params);
  }
}

/** Where the thing is done: the user's invitations, the space, the alliance (its joint bid's tab to sign or submit), the tender, or what a firm lends a bid. */
export function toDoRoute(item: ToDoItemDto): Route {
  const id = (named: { id: string } | null | undefined) => (named?.id ?? "").toLowerCase();
  switch (item.kind) {
    case "BusinessInvitation":
      return { name: "myBusinesses" };
    case "SpaceInvitation":
      return { name: "space", id: id(item.space) };
    case "AllianceInvitation":
      return { name: "alliance", id: id(item.alliance) };
    case "SignJointBid":
    case "SubmitJointBid":
      return { name: "alliance", id: id(item.alliance), tab: "bid" };
    case "AnswerQuestions":
      return { name: "tender", id: id(item.tender) };
    case "AnswerSoccorso":
      // An RTI answers on its alliance's page, a firm bidding alone on the tender's.
      return item.alliance ? { name: "alliance", id: id(item.alliance) } : { name: "tender", id: id(item.tender) };
    case "ConfirmAvvalimento":
      // The auxiliary's own page of what it lends: its people read nothing else of the bid.
      return { name: "lending", id: id(item.alliance) };
  }
}

/** A stable key for the row (one thing per kind, business and subject). */
export function toDoKey(item: ToDoItemDto): string {
  return [item.kind, item.business.id, item.invitationId ?? item.space?.id ?? item.alliance?.id ?? item.tender?.id ?? ""].join(":");
}
