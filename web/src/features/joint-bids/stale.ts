// Co-editing without losing anyone's text. Every work package and answer has a version; a save names the version
// it started from, and the server refuses it (409) when someone else saved that item since. A form being edited
// is a draft of one item: a newer joint bid (a live reload, or the reload after a refusal) touches only the draft
// of an item that changed, and never drops what the user typed: it is kept aside, to re-apply to the new version.

export interface Draft<F> {
  /** The version of the item the draft started from; 0 for a new item (or an answer not given yet). */
  version: number;
  /** The item's values at that version: what the draft is compared with, to know whether the user changed it. */
  base: F;
  /** What the form shows. */
  fields: F;
  /** The user's unsaved values, kept aside when someone else's version replaced them in the form. */
  mine: F | null;
  /** Someone else deleted the item while it was edited: saving adds it again, as a new one. */
  gone: boolean;
  /** The server refused this draft's save as out of date (409): the next newer version is a conflict, typed or not. */
  refused: boolean;
}

export type Same<F> = (a: F, b: F) => boolean;

export const startDraft = <F>(version: number, values: F): Draft<F> => ({
  version,
  base: values,
  fields: values,
  mine: null,
  gone: false,
  refused: false,
});

/** The user changed something since the version the draft started from. */
export const isDirty = <F>(draft: Draft<F>, same: Same<F>): boolean => draft.gone || !same(draft.fields, draft.base);

/**
 * What a newer read of the item does to its draft:
 * - keep: the item did not move (or the read is older than the draft): the form stays as typed;
 * - refresh: it moved and the user had changed nothing, or had made the very same change: the form shows it;
 * - conflict: it moved under the user's changes, or their save was refused for it: the form shows the current
 *   version, and the user's values are kept aside;
 * - gone: it was deleted under the user's changes: their values stay, to be added again;
 * - close: it was deleted and nothing was typed: the form has nothing left to edit.
 */
export type Decision = "keep" | "refresh" | "conflict" | "gone" | "close";

export interface Fresh<F> {
  version: number;
  values: F;
}

export function decide<F>(draft: Draft<F>, fresh: Fresh<F> | null, same: Same<F>): Decision {
  if (fresh === null) {
    if (draft.version === 0 || draft.gone) return "keep";
    return isDirty(draft, same) || draft.refused ? "gone" : "close";
  }
  if (fresh.version <= draft.version) return "keep";
  if (same(draft.fields, fresh.values)) return "refresh";
  return isDirty(draft, same) || draft.refused ? "conflict" : "refresh";
}

/** The draft after a newer read of its item (fresh: null when the item is no more); null when the form should close. */
export function reconcile<F>(draft: Draft<F>, fresh: Fresh<F> | null, same: Same<F>): Draft<F> | null {
  const decision = decide(draft, fresh, same);
  switch (decision) {
    case "keep":
      return draft;
    case "close":
      return null;
    case "gone":
      return { ...draft, version: 0, gone: true, refused: false };
    case "refresh":
    case "conflict": {
      const current = fresh!;
      return {
        version: current.version,
        base: current.values,
        fields: current.values,
        // A notice not yet dealt with stays; a new conflict replaces it with what the user had now.
        mine: decision === "conflict" ? draft.fields : draft.mine,
        gone: false,
        refused: false,
      };
    }
  }
}

/** The user's kept-aside values back in the form, over the current version (saving them now is not refused). */
export const reapply = <F>(draft: Draft<F>): Draft<F> => (draft.mine === null ? draft : { ...draft, fields: draft.mine, mine: null });

/** The current version stays; the user's kept-aside values are dropped, at their word. */
export const discardMine = <F>(draft: Draft<F>): Draft<F> => ({ ...draft, mine: null });

export const edit = <F>(draft: Draft<F>, fields: F): Draft<F> => ({ ...draft, fields });

/** The server refused the save as out of date: the reload that follows is a conflict. */
export const refused = <F>(draft: Draft<F>): Draft<F> => ({ ...draft, refused: true });
