// Each browser test class starts its own server and Chromium; on a small CI machine running them one at a time keeps
// live updates timely instead of starving them of CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

[assembly: Marketplace.EndToEnd.Tests.NoCspViolations]
