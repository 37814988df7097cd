import { describe, expect, it } from "vitest";
import { LEAD, MEMBER } from "../alliances/test-fixtures";
import { packageFields, samePackage, type PackageFields } from "./package-form";
import { decide, discardMine, edit, isDirty, reapply, reconcile, refused, startDraft, type Draft } from "./stale";
import { firm, workPackage } from "./test-fixtures";

const sameText = (a: string, b: string) => a.trim() === b.trim();
const fresh = (version: number, values: string) => ({ version, values });

describe("a draft and a newer version of its item", () => {
  const started = startDraft(3, "Relazione");

  it("stays as typed when the item did not move, or the read is older", () => {
    const typing = edit(started, "Relazione tecnica");
    expect(reconcile(typing, fresh(3, "Relazione"), sameText)).toBe(typing);
    expect(reconcile(typing, fresh(2, "vecchia"), sameText)).toBe(typing);
  });

  it("shows the new version when nothing was typed", () => {
    expect(reconcile(started, fresh(4, "Relazione di Bianchi"), sameText)).toEqual(startDraft(4, "Relazione di Bianchi"));
    // Spaces around the text are not a change: the server trims them.
    expect(decide(edit(started, " Relazione "), fresh(4, "Altro"), sameText)).toBe("refresh");
  });

  it("shows the current version under the user's changes, and keeps theirs to re-apply", () => {
    const typing = edit(started, "Relazione con cronoprogramma");
    const merged = reconcile(typing, fresh(4, "Relazione di Bianchi"), sameText)!;
    expect(merged).toMatchObject({ version: 4, base: "Relazione di Bianchi", fields: "Relazione di Bianchi", mine: "Relazione con cronoprogramma" });
    expect(isDirty(merged, sameText)).toBe(false);
    const again = reapply(merged);
    expect(again).toMatchObject({ version: 4, fields: "Relazione con cronoprogramma", mine: null });
    // Saving now names version 4: the user's text goes over the version they have seen.
    expect(isDirty(again, sameText)).toBe(true);
    expect(discardMine(merged)).toMatchObject({ fields: "Relazione di Bianchi", mine: null });
  });

  it("is no conflict when both made the same change", () => {
    expect(decide(edit(started, "Relazione finale"), fresh(4, "Relazione finale"), sameText)).toBe("refresh");
  });

  it("is a conflict after a refused save even when the values were not changed", () => {
    expect(decide(started, fresh(4, "Altro"), sameText)).toBe("refresh");
    expect(decide(refused(started), fresh(4, "Altro"), sameText)).toBe("conflict");
    // A refusal for another reason (the tender closed): the item did not move, the form stays.
    expect(decide(refused(started), fresh(3, "Relazione"), sameText)).toBe("keep");
  });

  it("keeps the user's values when the item is deleted under them, to add it again", () => {
    const typing = edit(started, "Relazione con cronoprogramma");
    const gone = reconcile(typing, null, sameText)!;
    expect(gone).toMatchObject({ version: 0, gone: true, fields: "Relazione con cronoprogramma" });
    expect(reconcile(gone, null, sameText)).toBe(gone);
    expect(reconcile(started, null, sameText)).toBeNull();
    expect(decide(refused(started), null, sameText)).toBe("gone");
  });

  it("leaves a new item's draft alone", () => {
    const draft = edit(startDraft(0, ""), "Nuova");
    expect(reconcile(draft, null, sameText)).toBe(draft);
    // An answer not given yet is version 0 on both sides.
    expect(reconcile(draft, fresh(0, ""), sameText)).toBe(draft);
    expect(reconcile(draft, fresh(1, "Risposta di Bianchi"), sameText)).toMatchObject({ version: 1, mine: "Nuova" });
  });
});

describe("work package drafts", () => {
  it("follow only the packages that changed: the one being typed in keeps its text", () => {
    const a = workPackage("a", { title: "Scavi", version: 2 });
    const b = workPackage("b", { title: "Quadri elettrici", firm: firm(MEMBER), version: 5 });
    const drafts = new Map<string, Draft<PackageFields>>([
      ["a", edit(startDraft(a.version, packageFields(a, "it")), { ...packageFields(a, "it"), title: "Scavi e reinterri" })],
      ["b", startDraft(b.version, packageFields(b, "it"))],
    ]);
    // Someone else changed b's price: a's draft is untouched, b's shows the new price.
    const changed = [a, { ...b, price: { amount: 2500.5, currency: "EUR" }, version: 6 }];
    for (const [key, draft] of drafts) {
      const item = changed.find((p) => p.id === key) ?? null;
      drafts.set(key, reconcile(draft, item && { version: item.version, values: packageFields(item, "it") }, samePackage)!);
    }
    expect(drafts.get("a")?.fields.title).toBe("Scavi e reinterri");
    expect(drafts.get("a")?.version).toBe(2);
    expect(drafts.get("b")).toMatchObject({ version: 6, mine: null, fields: { price: "2500,5" } });
  });

  it("see a price written differently as the same price", () => {
    const p = workPackage("a", { firm: firm(LEAD), price: { amount: 1500, currency: "EUR" } });
    const draft = edit(startDraft(1, packageFields(p, "it")), { ...packageFields(p, "it"), price: "1.500,00" });
    expect(isDirty(draft, samePackage)).toBe(false);
    expect(isDirty(edit(draft, { ...draft.fields, price: "1.500,01" }), samePackage)).toBe(true);
  });
});
