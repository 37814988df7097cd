using System.Reflection;
using Xunit.Sdk;

namespace Marketplace.EndToEnd.Tests;

/// <summary>
/// Fails a browser test if the server's Content Security Policy blocked anything on its pages (a script, a style, a
/// connection): the page would look or work differently from what the test saw. Applied to the whole assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoCspViolationsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => BrowserFixture.CspViolations.Clear();

    public override void After(MethodInfo methodUnderTest)
    {
        if (!BrowserFixture.CspViolations.IsEmpty)
            throw new InvalidOperationException(
                $"The Content Security Policy blocked part of a page:\n{string.Join("\n", BrowserFixture.CspViolations.Distinct())}");
    }
}
