// The inbox's figures, without views: a tender matching several of the user's firms is one thing to read.
import type { InboxItemDto } from "../../api/types";

/** The unread tenders across the firms' inboxes, each counted once. */
export function unreadCount(lists: readonly (readonly InboxItemDto[])[]): number {
  return new Set(lists.flatMap((items) => items.filter((i) => i.unread).map((i) => i.tenderId.toLowerCase()))).size;
}

/** A firm's inbox newest first, as the server sends it, but robust to any order. */
export const newestFirst = (items: readonly InboxItemDto[]): InboxItemDto[] => [...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
