import { describe, expect, it } from "vitest";
import type { TenderStatus, TenderSummaryDto } from "../../api/types";
import { deadlineOf, grouped, questionsWaiting } from "./my-tenders-data";

const tender = (id: string, status: TenderStatus, questionsWaiting = 0, submissionDeadline = "2026-03-10T12:00:00Z"): TenderSummaryDto => ({
  id,
  buyerId: "b",
  buyerName: "Comune di Prova",
  title: `Gara ${id}`,
  status,
  cpv: [],
  lotCount: 1,
  enquiryDeadline: "2026-03-01T12:00:00Z",
  submissionDeadline,
  publishedAt: status === "Draft" ? null : "2026-02-01T12:00:00Z",
  questionsWaiting,
  external: false,
  externalUrl: null,
});

describe("my tenders", () => {
  it("puts drafts, running and closed tenders in their groups", () => {
    const groups = grouped([tender("d", "Draft"), tender("q", "Enquiries"), tender("e", "Evaluation"), tender("a", "Awarded"), tender("c", "Cancelled")]);
    expect(groups.Draft.map((t) => t.id)).toEqual(["d"]);
    expect(groups.Running.map((t) => t.id).sort()).toEqual(["e", "q"]);
    expect(groups.Closed.map((t) => t.id).sort()).toEqual(["a", "c"]);
  });

  it("lists running tenders by the deadline that comes first, questions before bids", () => {
    const running = grouped([tender("bids", "Tendering", 0, "2026-03-05T12:00:00Z"), tender("questions", "Enquiries", 2, "2026-03-20T12:00:00Z")]).Running;
    // The enquiry deadline of 1 March comes before bids close on 5 March.
    expect(running.map((t) => t.id)).toEqual(["questions", "bids"]);
  });

  it("speaks of the deadline of the tender's status, and of none once bids are opened", () => {
    expect(deadlineOf(tender("q", "Enquiries"))).toBe("2026-03-01T12:00:00Z");
    expect(deadlineOf(tender("t", "Tendering"))).toBe("2026-03-10T12:00:00Z");
    expect(deadlineOf(tender("e", "Evaluation"))).toBeNull();
  });

  it("adds up the questions waiting across lists", () => {
    expect(questionsWaiting([tender("a", "Enquiries", 2), tender("b", "Tendering", 1), tender("c", "Draft")])).toBe(3);
  });
});
