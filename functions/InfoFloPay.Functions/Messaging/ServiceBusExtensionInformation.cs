using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Compiled only when IncludeServiceBusHostExtension is true (deployable builds): the worker SDK reads this attribute from
// the assembly that defines ServiceBusTriggerAttribute and adds the host extension to the generated WorkerExtensions
// project, which the Functions host needs to run serviceBusTrigger functions. This feed lacks the package, so local and
// CI builds leave it out.
[assembly: ExtensionInformation("Microsoft.Azure.WebJobs.Extensions.ServiceBus", "5.17.0")]
