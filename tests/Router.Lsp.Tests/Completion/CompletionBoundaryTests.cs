using System.Reflection;

namespace Router.Lsp.Tests.Completion;

/// <summary>The folder layout is the architecture: completion stands on documents and status alone, never on another
/// feature (explain, chat, refactor, progress), so it can change without them.</summary>
public sealed class CompletionBoundaryTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // Status is the channel every feature reports to; Documents the text every feature reads; Router.Lsp the server's options.
    private static readonly string[] CompletionMayUse =
        ["Router.Lsp", "Router.Lsp.Completion", "Router.Lsp.Documents", "Router.Lsp.Status"];

    [Fact]
    public void Completion_uses_no_other_feature_of_the_server()
    {
        IEnumerable<string> outside = ServerNamespacesUsedBy("Router.Lsp.Completion").Except(CompletionMayUse);

        Assert.Empty(outside);
    }

    [Fact]
    public void The_check_sees_what_a_feature_uses()
    {
        // The assistant hands refactors to Refactor and reports to Status: a scan that missed those would prove nothing above.
        IReadOnlySet<string> used = ServerNamespacesUsedBy("Router.Lsp.Assistant");

        Assert.Contains("Router.Lsp.Refactor", used);
        Assert.Contains("Router.Lsp.Status", used);
        Assert.Contains("Router.Lsp.Documents", ServerNamespacesUsedBy("Router.Lsp.Completion"));
    }

    /// <summary>The Router.Lsp namespaces named by the signatures, fields and locals of a namespace's types, their
    /// nested types included (closures and async state machines hold what a method body uses across an await).</summary>
    private static HashSet<string> ServerNamespacesUsedBy(string feature)
    {
        Assembly server = typeof(LspServer).Assembly;
        HashSet<string> used = new(StringComparer.Ordinal);
        foreach (Type type in server.GetTypes().Where(type => type.Namespace == feature))
        {
            foreach (Type named in NamedBy(type))
            {
                foreach (Type part in Unwrapped(named))
                {
                    if (part.Assembly == server && part.Namespace is { } name && name.StartsWith("Router.Lsp", StringComparison.Ordinal))
                    {
                        used.Add(name);
                    }
                }
            }
        }

        return used;
    }

    private static IEnumerable<Type> NamedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (Type contract in type.GetInterfaces())
        {
            yield return contract;
        }

        foreach (FieldInfo field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (PropertyInfo property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (MethodBase method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo { ReturnType: var returned })
            {
                yield return returned;
            }

            foreach (ParameterInfo parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (LocalVariableInfo local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                yield return local.LocalType;
            }
        }
    }

    // Task<StatusPublisher>, StatusPublisher[] and ref StatusPublisher all name StatusPublisher.
    private static IEnumerable<Type> Unwrapped(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (Type inner in Unwrapped(element))
            {
                yield return inner;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments().Where(argument => !argument.IsGenericParameter))
            {
                foreach (Type inner in Unwrapped(argument))
                {
                    yield return inner;
                }
            }
        }
    }
}
