import { describe, expect, it } from "vitest";
import type { InboxItemDto } from "../../api/types";
import { newestFirst, unreadCount } from "./inbox-data";

const item = (tenderId: string, unread: boolean, at = "2026-02-01T10:00:00Z"): InboxItemDto => ({
  tenderId,
  title: `Gara ${tenderId}`,
  at,
  unread,
  status: "Enquiries",
  submissionDeadline: "2026-03-02T12:00:00Z",
  lots: [],
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
});
