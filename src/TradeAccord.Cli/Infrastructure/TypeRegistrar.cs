using Spectre.Console.Cli;

namespace TradeAccord.Cli.Infrastructure;

/// <summary>
/// Gives commands the shared <see cref="CliContext"/> through their constructors; the CLI has one service, so a
/// container would be more machinery than the job needs.
/// </summary>
internal sealed class TypeRegistrar(CliContext context) : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, object> _instances = new() { [typeof(CliContext)] = context };
    private readonly Dictionary<Type, Type> _types = [];
    private readonly Dictionary<Type, Func<object>> _factories = [];

    public void Register(Type service, Type implementation) => _types[service] = implementation;

    public void RegisterInstance(Type service, object implementation) => _instances[service] = implementation;

    public void RegisterLazy(Type service, Func<object> factory) => _factories[service] = factory;

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_instances.TryGetValue(type, out var instance))
        {
            return instance;
        }

        if (_factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var found = Resolve(element);
            var array = Array.CreateInstance(element, found is null ? 0 : 1);
            if (found is not null)
            {
                array.SetValue(found, 0);
            }

            return array;
        }

        var implementation = _types.GetValueOrDefault(type, type);
        if (implementation.IsAbstract || implementation.IsInterface)
        {
            return null;
        }

        var constructor = implementation.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }
}
