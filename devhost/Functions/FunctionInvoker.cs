using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.DevHost.Functions;

/// <summary>
/// Calls a function method the way the worker does: the class is created per invocation from a DI scope
/// (constructor injection), parameters are bound by type or name, and an awaitable result is awaited.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    /// <summary>Binds a parameter, or returns false when the binder has no value for it.</summary>
    public delegate bool ParameterBinder(ParameterInfo parameter, out object? value);

    public async Task<object?> InvokeAsync(FunctionDescriptor function, ParameterBinder bind, IServiceProvider? requestServices = null)
    {
        if (requestServices is not null)
        {
            return await InvokeInScopeAsync(function, bind, requestServices);
        }

        await using var scope = scopes.CreateAsyncScope();
        return await InvokeInScopeAsync(function, bind, scope.ServiceProvider);
    }

    private static async Task<object?> InvokeInScopeAsync(FunctionDescriptor function, ParameterBinder bind, IServiceProvider services)
    {
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.FunctionType);
        try
        {
            var arguments = function.Method.GetParameters().Select(parameter => bind(parameter, out var value)
                ? value
                : throw new InvalidOperationException(
                    $"The local host cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}) of function '{function.Name}'."))
                .ToArray();

            object? result;
            try
            {
                result = function.Method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            return await UnwrapAsync(result);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> UnwrapAsync(object? result)
    {
        switch (result)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } property && property.PropertyType.Name != "VoidTaskResult"
                    ? property.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (result?.GetType() is { IsGenericType: true } valueTaskType && valueTaskType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)valueTaskType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                    return await UnwrapAsync(asTask);
                }

                return result;
        }
    }
}
