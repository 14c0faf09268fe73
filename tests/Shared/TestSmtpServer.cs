using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Ledger.Testing;

/// <summary>How <see cref="TestSmtpServer.FailNext"/> makes a session fail.</summary>
public enum SmtpFailure
{
    /// <summary>Greets with <c>421 Service not available</c> and hangs up.</summary>
    RefuseConnection,

    /// <summary>Answers DATA with <c>451 Requested action aborted: local error</c>.</summary>
    RejectData,

    /// <summary>Closes the socket on receiving MAIL FROM, without a reply.</summary>
    DropAfterMailFrom,
}

/// <summary>A message the server accepted: the envelope and the data as sent, dot-unstuffed, lines ending in CRLF.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, byte[] Data)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Data));
}

/// <summary>
/// An SMTP server on 127.0.0.1 for tests: plain text, no extensions, so clients take the simplest RFC 5321 path
/// (7-bit data, no pipelining, no STARTTLS). Sessions run concurrently; disposing ends them all.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<ReceivedMail> _messages = [];
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private TaskCompletionSource _received = NewSignal();
    private SmtpFailure _failure;
    private int _failuresLeft;

    private TestSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    public static TestSmtpServer Start() => new();

    /// <summary>The next <paramref name="sessions"/> connections fail as <paramref name="mode"/> says; later ones succeed.</summary>
    public void FailNext(int sessions, SmtpFailure mode)
    {
        lock (_lock)
        {
            _failure = mode;
            _failuresLeft = sessions;
        }
    }

    public async Task<ReceivedMail> WaitForMessageAsync(TimeSpan timeout) => (await WaitForMessagesAsync(1, timeout))[0];

    /// <summary>Returns once at least <paramref name="count"/> messages have arrived; throws <see cref="TimeoutException"/> otherwise.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task received;
            lock (_lock)
            {
                if (_messages.Count >= count)
                {
                    return [.. _messages];
                }

                received = _received.Task;
            }

            try
            {
                await received.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} message(s) within {timeout}; received {Messages.Count}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        _listener.Dispose();
        Task[] sessions;
        lock (_lock)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions);
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_lock)
                {
                    SmtpFailure? failure = _failuresLeft > 0 ? _failure : null;
                    _failuresLeft = Math.Max(0, _failuresLeft - 1);
                    _sessions.Add(Task.Run(() => ServeAsync(socket, failure, _stop.Token)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task ServeAsync(Socket socket, SmtpFailure? failure, CancellationToken cancellationToken)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        // Latin-1 maps every byte to one char, so the data comes back out byte for byte.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        Task ReplyAsync(string line) => stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), cancellationToken).AsTask();
        try
        {
            if (failure == SmtpFailure.RefuseConnection)
            {
                await ReplyAsync("421 Service not available");
                return;
            }

            await ReplyAsync("220 localhost test SMTP");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                switch (line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant())
                {
                    case "EHLO" or "HELO" or "NOOP":
                        await ReplyAsync("250 localhost");
                        break;
                    case "MAIL" when failure == SmtpFailure.DropAfterMailFrom:
                        return;
                    case "MAIL":
                        from = Path(line);
                        recipients.Clear();
                        await ReplyAsync("250 OK");
                        break;
                    case "RCPT" when from is null:
                        await ReplyAsync("503 Bad sequence of commands");
                        break;
                    case "RCPT":
                        recipients.Add(Path(line));
                        await ReplyAsync("250 OK");
                        break;
                    case "DATA" when recipients.Count == 0:
                        await ReplyAsync("503 Bad sequence of commands");
                        break;
                    case "DATA" when failure == SmtpFailure.RejectData:
                        await ReplyAsync("451 Requested action aborted: local error");
                        break;
                    case "DATA":
                        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
                        Record(new ReceivedMail(from!, [.. recipients], await ReadDataAsync(reader, cancellationToken)));
                        from = null;
                        recipients.Clear();
                        await ReplyAsync("250 OK");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await ReplyAsync("250 OK");
                        break;
                    case "QUIT":
                        await ReplyAsync("221 Bye");
                        return;
                    default:
                        await ReplyAsync("500 Command not recognized");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client hung up, or the server is being disposed.
        }
    }

    private static async Task<byte[]> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The client hung up during DATA.");
            if (line == ".")
            {
                return Encoding.Latin1.GetBytes(data.ToString());
            }

            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }
    }

    private static string Path(string command)
    {
        var start = command.IndexOf('<', StringComparison.Ordinal) + 1;
        return command[start..command.IndexOf('>', start)];
    }

    private void Record(ReceivedMail mail)
    {
        lock (_lock)
        {
            _messages.Add(mail);
            _received.SetResult();
            _received = NewSignal();
        }
    }
}
