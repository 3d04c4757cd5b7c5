using System.CommandLine;

namespace Router.Emulator;

/// <summary><c>router-emulator</c>: an emulated Ollama host on 127.0.0.1 until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static RootCommand Create()
    {
        Option<int> port = new("--port")
        {
            Description = "Loopback port to listen on; 0 picks a free one.",
            DefaultValueFactory = _ => 11434,
        };
        Option<FileInfo?> profile = new("--profile")
        {
            Description = "JSON profile of models, VRAM budget and timings (format: profiles/default.json next to the binary). Built-in models when omitted.",
        };
        Option<double?> timeScale = new("--time-scale")
        {
            Description = "Multiplies every simulated delay: 1 real time (default), 0.1 ten times faster, 0 instant.",
        };

        Option<string?> flavour = new("--flavour")
        {
            Description = $"The server to answer as on /v1/*: {string.Join(", ", EmulatorFlavourNames.All)} (default ollama, or the profile's flavour).",
        };

        RootCommand command = new("Run an emulated Ollama host (no GPU, no weights) on 127.0.0.1 until Ctrl+C.");
        command.Options.Add(port);
        command.Options.Add(profile);
        command.Options.Add(timeScale);
        command.Options.Add(flavour);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            EmulatorOptions options;
            var file = parseResult.GetValue(profile);
            try
            {
                options = file is null ? new EmulatorOptions() : await EmulatorProfileFile.LoadAsync(file.FullName, cancellationToken);
                var flavourName = parseResult.GetValue(flavour);
                var chosen = options.Flavour;
                if (flavourName is not null && !EmulatorFlavourNames.TryParse(flavourName, out chosen))
                {
                    throw new ArgumentException($"--flavour {flavourName} is not one of {string.Join(", ", EmulatorFlavourNames.All)}");
                }

                options = options with
                {
                    Port = parseResult.GetValue(port),
                    TimeScale = parseResult.GetValue(timeScale) ?? options.TimeScale,
                    Flavour = chosen,
                };
                options.Validate();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"router-emulator: {e.Message}");
                return 2;
            }

            EmulatorServer server;
            try
            {
                server = await EmulatorServer.StartAsync(options, cancellationToken);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"router-emulator: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
                return 1;
            }

            await using (server)
            {
                Console.WriteLine($"Emulated {options.Flavour.Name()} listening on {server.BaseAddress}");
                Console.WriteLine($"Models: {string.Join(", ", options.Models.Select(m => m.Name))}");
                Console.WriteLine($"VRAM budget {options.VramBudgetBytes / 1e9:0.#} GB, at most {options.MaxLoadedModels} loaded, {options.NumParallel} parallel per model, keep_alive {options.DefaultKeepAlive}, time scale {options.TimeScale}.");
                Console.WriteLine("Faults: POST /_emulator/faults; request log: GET /_emulator/requests. Ctrl+C to stop.");
                // Ctrl+C is handled here as well, so the host is disposed (sockets closed) rather than the process killed.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                ConsoleCancelEventHandler onCtrlC = (_, e) =>
                {
                    e.Cancel = true;
                    stop.Cancel();
                };
                Console.CancelKeyPress += onCtrlC;
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Stopping.");
                }
                finally
                {
                    Console.CancelKeyPress -= onCtrlC;
                }
            }

            return 0;
        });
        return command;
    }
}
