using System.Reflection;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Tests;

/// <summary>Rules of the Core project that the compiler does not enforce.</summary>
public class ConventionTests
{
    private static readonly Assembly Core = typeof(Measure).Assembly;

    [Fact]
    public void Core_ReferencesOnlyTheBaseLibrary() =>
        Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard")
            .ShouldBeEmpty();

    [Fact]
    public void PublicClasses_AreSealedOrStatic() =>
        Core.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed)
            .Select(t => t.FullName)
            .ShouldBeEmpty();

    [Fact]
    public void PublicTypes_HaveNoPublicSetters() =>
        Core.GetExportedTypes()
            .Where(t => !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ShouldBeEmpty();
}
