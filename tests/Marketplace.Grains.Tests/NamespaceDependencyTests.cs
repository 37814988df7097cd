using Marketplace.Tenders;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Marketplace;

/// <summary>
/// The features of the domain (Marketplace.Tenders, Marketplace.Alliances, ...) depend on each other in one direction
/// only, so each can be read and changed without the ones built on it. The root namespace is the shared kernel every
/// feature may use and is left out.
/// </summary>
public class NamespaceDependencyTests
{
    [Fact]
    public void The_domain_s_feature_namespaces_have_no_cycle()
    {
        var graph = FeatureDependencies(typeof(Money).Assembly.Location, typeof(TenderRules).Assembly.Location);

        graph.Should().ContainKey("Marketplace.Tenders", "the scan must see the features it checks");
        Cycles(graph).Should().BeEmpty();
    }

    [Fact]
    public void Tenders_do_not_depend_on_the_alliances_that_bid_in_them()
    {
        var graph = FeatureDependencies(typeof(Money).Assembly.Location, typeof(TenderRules).Assembly.Location);

        graph["Marketplace.Alliances"].Should().Contain("Marketplace.Tenders", "the scan must see references in method bodies");
        graph["Marketplace.Tenders"].Should().NotContain(["Marketplace.Alliances", "Marketplace.JointBids"]);
    }

    /// <summary>For each feature namespace, the other feature namespaces its types name: in signatures, fields, attributes and method bodies.</summary>
    static Dictionary<string, HashSet<string>> FeatureDependencies(params string[] assemblies)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var path in assemblies)
        {
            using var module = ModuleDefinition.ReadModule(path);
            foreach (var type in module.GetTypes())
            {
                if (Features(type).FirstOrDefault() is not { } from) continue;
                var uses = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
                uses.UnionWith(Named(type).SelectMany(Features).Where(to => to != from));
            }
        }
        return graph;
    }

    static IEnumerable<TypeReference> Named(TypeDefinition type)
    {
        if (type.BaseType is { } baseType) yield return baseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var op in m.Body.Instructions.Select(i => i.Operand))
                switch (op)
                {
                    case TypeReference t: yield return t; break;
                    case MethodReference r:
                        yield return r.DeclaringType;
                        yield return r.ReturnType;
                        foreach (var p in r.Parameters) yield return p.ParameterType;
                        if (r is GenericInstanceMethod g) foreach (var a in g.GenericArguments) yield return a;
                        break;
                    case FieldReference f: yield return f.DeclaringType; yield return f.FieldType; break;
                }
        }
    }

    /// <summary>The features (Marketplace.X) a type is made of: its own (nested types by their outer one) and its generic arguments'.</summary>
    static IEnumerable<string> Features(TypeReference type)
    {
        while (type is TypeSpecification spec and not GenericInstanceType) type = spec.ElementType;
        if (type is GenericInstanceType generic)
        {
            foreach (var part in generic.GenericArguments.Prepend(generic.ElementType).SelectMany(Features)) yield return part;
            yield break;
        }
        while (type.DeclaringType is { } outer) type = outer;
        if (type.Namespace.Split('.') is ["Marketplace", var feature, ..]) yield return $"Marketplace.{feature}";
    }

    static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var found = new List<string>();
        foreach (var start in graph.Keys)
        {
            var path = new Stack<string>();
            Walk(start);
            void Walk(string at)
            {
                path.Push(at);
                foreach (var next in graph.GetValueOrDefault(at) ?? [])
                    if (next == start) found.Add(string.Join(" -> ", path.Reverse().Append(start)));
                    else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0) Walk(next);
                path.Pop();
            }
        }
        return found;
    }
}
