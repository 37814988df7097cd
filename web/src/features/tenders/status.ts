// Where a tender stands in its lifecycle: the steps of the stepper and what each status allows.
import type { TenderStatus } from "../../api/types";

/** The steps shown in order; `Outcome` is Awarded or Unsuccessful once known. */
export type Step = "Draft" | "Enquiries" | "Tendering" | "Opening" | "Evaluation" | "Outcome" | "Complete";

export const steps: readonly Step[] = ["Draft", "Enquiries", "Tendering", "Opening", "Evaluation", "Outcome", "Complete"];

export type StepState = "done" | "current" | "todo";

export interface StepView {
  step: Step;
  state: StepState;
  /** The status the step shows: Awarded or Unsuccessful for the outcome once reached; null for its generic label. */
  status: TenderStatus | null;
}

/** What the stepper needs of a tender. */
export interface TenderTimeline {
  status: TenderStatus;
  publishedAt: string | null;
  enquiryDeadline: string;
  submissionDeadline: string;
  updatedAt: string;
  /** Whether a lot was awarded: a completed tender shows it was awarded rather than unsuccessful. */
  awarded: boolean;
}

const stepOf: Record<Exclude<TenderStatus, "Cancelled">, Step> = {
  Draft: "Draft",
  Enquiries: "Enquiries",
  Tendering: "Tendering",
  Opening: "Opening",
  Evaluation: "Evaluation",
  Awarded: "Outcome",
  Unsuccessful: "Outcome",
  Complete: "Complete",
};

/**
 * The step a cancelled tender had reached: the draft if it was never published, else as far as its deadlines
 * had passed when it was cancelled (its last change).
 */
function reachedBeforeCancel(tender: TenderTimeline): Step {
  if (!tender.publishedAt) return "Draft";
  const at = Date.parse(tender.updatedAt);
  if (at >= Date.parse(tender.submissionDeadline)) return "Evaluation";
  if (at >= Date.parse(tender.enquiryDeadline)) return "Tendering";
  return "Enquiries";
}

/**
 * The stepper: steps before the current one are done. A cancelled tender shows the steps it went through as
 * done and none as current (the page says it was cancelled); the outcome step names the outcome once known.
 */
export function tenderSteps(tender: TenderTimeline): StepView[] {
  const cancelled = tender.status === "Cancelled";
  const current = cancelled ? reachedBeforeCancel(tender) : stepOf[tender.status as Exclude<TenderStatus, "Cancelled">];
  const index = steps.indexOf(current);
  const outcome: TenderStatus | null =
    tender.status === "Awarded" || tender.status === "Unsuccessful"
      ? tender.status
      : tender.status === "Complete"
        ? tender.awarded ? "Awarded" : "Unsuccessful"
        : null;
  return steps.map((step, i) => ({
    step,
    state: i < index || (cancelled && i === index) ? "done" : i === index ? "current" : "todo",
    status: step === "Outcome" ? outcome : step === "Draft" || step === "Complete" ? step : (step as TenderStatus),
  }));
}

/** Published, and not yet past its submission deadline: a live notice. */
export const isOpen = (status: TenderStatus): boolean => status === "Enquiries" || status === "Tendering";
