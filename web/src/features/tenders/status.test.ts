import { describe, expect, it } from "vitest";
import type { TenderStatus } from "../../api/types";
import { isOpen, tenderSteps, type TenderTimeline } from "./status";

const timeline = (status: TenderStatus, more: Partial<TenderTimeline> = {}): TenderTimeline => ({
  status,
  publishedAt: "2026-02-01T09:00:00Z",
  enquiryDeadline: "2026-02-15T12:00:00Z",
  submissionDeadline: "2026-03-02T12:00:00Z",
  updatedAt: "2026-02-10T10:00:00Z",
  awarded: false,
  ...more,
});

const states = (t: TenderTimeline) => tenderSteps(t).map((s) => `${s.step}:${s.state}`);

describe("tenderSteps", () => {
  it("marks the steps before the current one done", () => {
    expect(states(timeline("Draft", { publishedAt: null }))).toEqual([
      "Draft:current", "Enquiries:todo", "Tendering:todo", "Opening:todo", "Evaluation:todo", "Outcome:todo", "Complete:todo",
    ]);
    expect(states(timeline("Tendering"))).toEqual([
      "Draft:done", "Enquiries:done", "Tendering:current", "Opening:todo", "Evaluation:todo", "Outcome:todo", "Complete:todo",
    ]);
  });

  it("names the outcome once it is known, and keeps it when the tender is complete", () => {
    const outcome = (t: TenderTimeline) => tenderSteps(t).find((s) => s.step === "Outcome");
    expect(outcome(timeline("Evaluation"))).toEqual({ step: "Outcome", state: "todo", status: null });
    expect(outcome(timeline("Awarded"))).toEqual({ step: "Outcome", state: "current", status: "Awarded" });
    expect(outcome(timeline("Unsuccessful"))).toEqual({ step: "Outcome", state: "current", status: "Unsuccessful" });
    expect(outcome(timeline("Complete", { awarded: true }))).toEqual({ step: "Outcome", state: "done", status: "Awarded" });
    expect(outcome(timeline("Complete", { awarded: false }))?.status).toBe("Unsuccessful");
  });

  it("shows how far a cancelled tender had gone, with no step current", () => {
    expect(states(timeline("Cancelled", { publishedAt: null }))).toEqual([
      "Draft:done", "Enquiries:todo", "Tendering:todo", "Opening:todo", "Evaluation:todo", "Outcome:todo", "Complete:todo",
    ]);
    expect(states(timeline("Cancelled", { updatedAt: "2026-02-20T10:00:00Z" })).filter((s) => s.endsWith(":done"))).toEqual([
      "Draft:done", "Enquiries:done", "Tendering:done",
    ]);
    expect(tenderSteps(timeline("Cancelled")).some((s) => s.state === "current")).toBe(false);
  });

  it("tells the statuses open to firms from those after the deadline", () => {
    expect(isOpen("Enquiries") && isOpen("Tendering")).toBe(true);
    expect(isOpen("Draft") || isOpen("Opening")).toBe(false);
  });
});
