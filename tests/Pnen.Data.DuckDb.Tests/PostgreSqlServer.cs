using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pnen.Data.DuckDb.Tests;

/// <summary>
/// A throw-away local PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl start
/// on a free port with its unix socket in that folder (no TCP listener), stopped and deleted at the
/// end. As root (CI, these machines) the server runs as the 'postgres' user the Debian package
/// creates, since PostgreSQL refuses to run as root. When there is no PostgreSQL installation, or it
/// cannot start, <see cref="Unavailable"/> says why and the tests are skipped with that message.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private readonly string? _bin;
    private readonly string _folder;
    private readonly string? _runAs;

    public PostgreSqlServer()
    {
        _folder = Path.Combine(Path.GetTempPath(), "pnen-postgres-" + Guid.NewGuid().ToString("N"));
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_bin is null)
        {
            Unavailable = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql)";
            return;
        }
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        try
        {
            Directory.CreateDirectory(_folder);
            if (_runAs is not null) Run("chown", $"{_runAs} {_folder}", asUser: false);
            var data = Path.Combine(_folder, "data");
            Run(Path.Combine(_bin, "initdb"), $"-D {data} -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8");
            var port = FreePort();
            Run(Path.Combine(_bin, "pg_ctl"), $"-D {data} -l {Path.Combine(_folder, "log")} -w -t 60 -o \"-k {_folder} -p {port} -c listen_addresses='' -c fsync=off\" start");
            ConnectionString = $"Host={_folder};Port={port};Username=postgres;Database=postgres;Pooling=false";
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            Unavailable = $"the PostgreSQL server could not start: {e.Message}";
        }
    }

    /// <summary>Why there is no server; null when it runs.</summary>
    public string? Unavailable { get; }

    public string? ConnectionString { get; }

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        if (ConnectionString is not null && _bin is not null)
        {
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop");
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing to stop.
            }
        }
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private void Run(string program, string arguments, bool asUser = true)
    {
        var info = asUser && _runAs is not null
            ? new ProcessStartInfo("runuser", $"-u {_runAs} -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in two minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Trim()} {output.Result.Trim()}".Trim());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
