// The inbox's figures, without views: a tender matching several of the user's firms is one thing to read.
import type { FoundLotDto, InboxItemDto } from "../../api/types";

/** The unread tenders across the firms' inboxes, each counted once. */
export function unreadCount(lists: readonly (readonly InboxItemDto[])[]): number {
  return new Set(lists.flatMap((items) => items.filter((i) => i.unread).map((i) => i.tenderId.toLowerCase()))).size;
}

/** A firm's inbox newest first, as the server sends it, but robust to any order. */
export const newestFirst = (items: readonly InboxItemDto[]): InboxItemDto[] => [...items].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

/**
 * The lots of one tender that the user's firms were told of, as their inboxes name them (the notice's one source):
 * each lot once, by number, when the tender matches several firms.
 */
export function matchedLots(lists: readonly (readonly InboxItemDto[])[], tenderId: string): FoundLotDto[] {
  const lots = new Map<number, FoundLotDto>();
  for (const item of lists.flat())
    if (item.tenderId.toLowerCase() === tenderId.toLowerCase()) for (const lot of item.lots) if (!lots.has(lot.number)) lots.set(lot.number, lot);
  return [...lots.values()].sort((a, b) => a.number - b.number);
}
