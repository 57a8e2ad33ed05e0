using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EmergencyOps.Testing.BadInput;

/// <summary>A fingerprint of every table's content, to prove a refused request changed nothing.</summary>
public static class TableSnapshot
{
    /// <summary>Bookkeeping that changes on its own (the outbox is marked sent in the background).</summary>
    public static readonly string[] AlwaysIgnored = ["OutboxMessages", "OutboxLeases", "InboxMessages"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString, IEnumerable<string> ignored)
    {
        var skip = new HashSet<string>(AlwaysIgnored.Concat(ignored), StringComparer.OrdinalIgnoreCase);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !skip.Contains(t)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid;";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(reader.IsDBNull(i) ? "\u0001null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u0002"));
                }
            }
            snapshot[table] = $"{rows} rows {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
        }
        return snapshot;
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order()
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t) ?? "absent"} → {after.GetValueOrDefault(t) ?? "absent"}");
}
