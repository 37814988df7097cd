import { describe, expect, it } from "vitest";
import { combinedLiveState, watchersOfKind } from "./hub";

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
