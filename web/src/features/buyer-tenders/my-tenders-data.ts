// A buyer's tenders as its "my tenders" page groups them, without views: what is still to publish, what runs, what
// is over; and which deadline a tender's status speaks of.
import type { TenderStatus, TenderSummaryDto } from "../../api/types";

export type Group = "Draft" | "Running" | "Closed";
export const groups: readonly Group[] = ["Draft", "Running", "Closed"];

const groupOf: Record<TenderStatus, Group> = {
  Draft: "Draft",
  Enquiries: "Running",
  Tendering: "Running",
  Opening: "Running",
  Evaluation: "Running",
  Awarded: "Closed",
  Unsuccessful: "Closed",
  Complete: "Closed",
  Cancelled: "Closed",
};

/** The deadline the status speaks of: questions while firms may ask them, then bids; none once bids are opened. */
export function deadlineOf(s: TenderSummaryDto): string | null {
  switch (s.status) {
    case "Enquiries":
      return s.enquiryDeadline;
    case "Draft":
    case "Tendering":
    case "Opening":
      return s.submissionDeadline;
    default:
      return null;
  }
}

/**
 * The tenders in their groups, each group in the order a buyer works through it: drafts last edited first, running
 * ones by the nearest deadline (waiting questions first among equals), closed ones latest first.
 */
export function grouped(tenders: readonly TenderSummaryDto[]): Record<Group, TenderSummaryDto[]> {
  const result: Record<Group, TenderSummaryDto[]> = { Draft: [], Running: [], Closed: [] };
  for (const tender of tenders) result[groupOf[tender.status]].push(tender);
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);
  result.Running.sort((a, b) => time(deadlineOf(a) ?? a.submissionDeadline) - time(deadlineOf(b) ?? b.submissionDeadline)
    || b.questionsWaiting - a.questionsWaiting);
  result.Closed.sort((a, b) => time(b.submissionDeadline) - time(a.submissionDeadline));
  return result;
}

/** The questions waiting across the lists, for the line at the top of the page. */
export const questionsWaiting = (tenders: readonly TenderSummaryDto[]): number => tenders.reduce((sum, t) => sum + t.questionsWaiting, 0);
