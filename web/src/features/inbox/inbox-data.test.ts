import { describe, expect, it } from "vitest";
import type { FoundLotDto, InboxItemDto } from "../../api/types";
import { matchedLots, newestFirst, unreadCount } from "./inbox-data";

const lot = (number: number, title: string): FoundLotDto => ({ number, title, estimatedValue: null, comuneName: null, provinceSigla: null });

const item = (tenderId: string, unread: boolean, at = "2026-02-01T10:00:00Z", lots: FoundLotDto[] = []): InboxItemDto => ({
  tenderId,
  title: `Gara ${tenderId}`,
  at,
  unread,
  status: "Enquiries",
  submissionDeadline: "2026-03-02T12:00:00Z",
  lots,
});

describe("inbox", () => {
  it("counts each unread tender once, even when it matches several firms", () => {
    expect(unreadCount([[item("A", true), item("B", false)], [item("a", true), item("C", true)]])).toBe(2);
    expect(unreadCount([])).toBe(0);
  });

  it("lists the newest first", () => {
    const list = newestFirst([item("old", false, "2026-01-01T00:00:00Z"), item("new", true, "2026-02-01T00:00:00Z")]);
    expect(list.map((i) => i.tenderId)).toEqual(["new", "old"]);
  });

  it("names the lots a new tender matched, each once across the user's firms, for that tender only", () => {
    const plumbing = item("T1", true, undefined, [lot(3, "Impianti sanitari")]);
    const both = item("t1", true, undefined, [lot(1, "Tinteggiatura aule"), lot(3, "Impianti sanitari")]);
    const other = item("T2", true, undefined, [lot(2, "Bagni e spogliatoi")]);
    expect(matchedLots([[plumbing, other], [both]], "T1").map((l) => `${l.number} ${l.title}`)).toEqual(["1 Tinteggiatura aule", "3 Impianti sanitari"]);
    expect(matchedLots([[other]], "T1")).toEqual([]);
  });
});
