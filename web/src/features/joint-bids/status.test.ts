import { describe, expect, it } from "vitest";
import { currentStatus, failed, nothingToDo, type Status } from "./status";
import { jointBidDto } from "./test-fixtures";

const done = (version: number): Status => ({ ok: true, text: () => "Pacchetto «Infissi» aggiunto: le approvazioni precedenti sono annullate.", version });

describe("a section's status line", () => {
  it("shows a success while the joint bid shown is the version its action produced", () => {
    const status = done(4);
    expect(currentStatus(status, jointBidDto({ version: 4 }))).toBe(status);
  });

  it("drops a success once the joint bid shown has moved on", () => {
    // Say the others have all signed since: "approvals are void" would now be false.
    expect(currentStatus(done(4), jointBidDto({ version: 5 }))).toBeNull();
    expect(currentStatus(done(4), jointBidDto({ version: 9 }))).toBeNull();
  });

  it("keeps a success when the bid shown is older than the one the action produced (its answer is on its way to the screen)", () => {
    const status = done(4);
    expect(currentStatus(status, jointBidDto({ version: 3 }))).toBe(status);
  });

  it("keeps an error whatever the bid has become: it is about what the user tried", () => {
    const status = failed(() => "Qualcun altro ha salvato questo pacchetto nel frattempo.");
    expect(currentStatus(status, jointBidDto({ version: 4 }))).toBe(status);
    expect(currentStatus(status, jointBidDto({ version: 12 }))).toBe(status);
  });

  it("says nothing when there is nothing to say", () => {
    expect(currentStatus(null, jointBidDto())).toBeNull();
  });

  it("holds 'nothing to save' for the bid it was said about", () => {
    const status = nothingToDo(() => "Nessuna modifica da salvare.", jointBidDto({ version: 7 }));
    expect(currentStatus(status, jointBidDto({ version: 7 }))).toBe(status);
    expect(currentStatus(status, jointBidDto({ version: 8 }))).toBeNull();
  });
});
