namespace Router.Emulator;

/// <summary>The fault switches in force: one set for every model plus optional per-model sets.</summary>
internal sealed class FaultBoard
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, EmulatorFaultSet> perModel = new(StringComparer.Ordinal);
    private EmulatorFaultSet global = EmulatorFaultSet.None;

    public void Set(EmulatorFaultSet faults, string? model)
    {
        lock (gate)
        {
            if (model is null)
            {
                global = faults;
            }
            else
            {
                perModel[ModelNames.Normalize(model)] = faults;
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            global = EmulatorFaultSet.None;
            perModel.Clear();
        }
    }

    /// <summary>The switches that apply to a request for this model (null before the model is known).</summary>
    public EmulatorFaultSet For(string? model)
    {
        lock (gate)
        {
            if (model is null || !perModel.TryGetValue(ModelNames.Normalize(model), out var specific))
            {
                return global;
            }

            return new EmulatorFaultSet
            {
                HostDown = global.HostDown || specific.HostDown,
                Hang = global.Hang || specific.Hang,
                ErrorStatus = specific.ErrorStatus ?? global.ErrorStatus,
                ErrorBody = specific.ErrorStatus is null ? global.ErrorBody : specific.ErrorBody,
                ErrorContentType = specific.ErrorStatus is null ? global.ErrorContentType : specific.ErrorContentType,
                ServerError = global.ServerError || specific.ServerError,
                ModelNotFound = global.ModelNotFound || specific.ModelNotFound,
                CutAfterChunks = specific.CutAfterChunks ?? global.CutAfterChunks,
                StallAfterChunks = specific.StallAfterChunks ?? global.StallAfterChunks,
                Reply = specific.Reply ?? global.Reply,
            };
        }
    }

    public IReadOnlyList<(string? Model, EmulatorFaultSet Faults)> Snapshot()
    {
        lock (gate)
        {
            var list = new List<(string?, EmulatorFaultSet)> { (null, global) };
            list.AddRange(perModel.Select(p => ((string?)p.Key, p.Value)));
            return list;
        }
    }
}
