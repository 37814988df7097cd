import { describe, expect, it } from "vitest";
import { combinedLiveState, myBusinessesChangedHere, onMyBusinessesChanged, watchersOfKind } from "./hub";

describe("combinedLiveState", () => {
  it("is connected only when every topic is", () => {
    expect(combinedLiveState(["connected", "connected"])).toBe("connected");
    expect(combinedLiveState(["connected", "connecting"])).toBe("connecting");
    expect(combinedLiveState(["reconnecting", "connecting"])).toBe("reconnecting");
    expect(combinedLiveState(["connected", "disconnected", "reconnecting"])).toBe("disconnected");
  });

  it("is connecting while there is nothing joined yet", () => {
    expect(combinedLiveState([])).toBe("connecting");
  });
});

describe("watchersOfKind", () => {
  it("lists each watcher of a kind once, however many of its topics it follows", () => {
    const a = { name: "inbox" };
    const b = { name: "bid panel" };
    const c = { name: "business page" };
    const topics = [
      { kind: "businessTeam", watchers: new Set([a, b]) },
      { kind: "businessTeam", watchers: new Set([a]) },
      { kind: "business", watchers: new Set([c]) },
    ];
    expect([...watchersOfKind(topics, "businessTeam")]).toEqual([a, b]);
    expect([...watchersOfKind(topics, "tender")]).toEqual([]);
  });
});

describe("myBusinessesChangedHere", () => {
  it("tells the listeners of MyBusinessesChanged without any connection, until they stop", () => {
    const heard: string[] = [];
    const stop = onMyBusinessesChanged((change) => heard.push(`${change.businessId} ${change.member}`));
    myBusinessesChangedHere({ businessId: "b1", member: true });
    stop();
    myBusinessesChangedHere({ businessId: "b2", member: true });
    expect(heard).toEqual(["b1 true"]);
  });
});
