using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The <c>monitoring</c> table. Partition <c>targets</c> holds one row per target definition, so listing targets is one
/// partition query; partition <c>target|{name}</c> holds that target's <c>state</c> row and its history ring
/// (<c>history|0000</c>…), so its state view is one partition query and state + history commit in one transaction.
/// Partition <c>maintenance</c> holds one row per maintenance window, so a probe run reads them all in one query.
/// </summary>
internal sealed class MonitoringTable(TableServiceClient service, IOptions<MonitoringOptions> options)
{
    public const string DefinitionsPartition = "targets";
    public const string MaintenancePartition = "maintenance";
    public const string StateRow = "state";
    public const string HistoryRowPrefix = "history|";

    private readonly EnsuredTable _table = new(service.GetTableClient(options.Value.TableName));

    public static string TargetPartition(string name) => "target|" + name;

    public static string HistoryRow(int index) =>
        HistoryRowPrefix + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public Task<TableClient> GetAsync(CancellationToken cancellationToken) => _table.GetAsync().WaitAsync(cancellationToken);
}
