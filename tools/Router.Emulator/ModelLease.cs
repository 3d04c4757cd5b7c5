namespace Router.Emulator;

/// <summary>One request's hold on a resident model, from scheduling to the end of its answer.</summary>
internal sealed class ModelLease(ResidentModel model, bool cold)
{
    public ResidentModel Model { get; } = model;

    /// <summary>This request loads the model (and calls <see cref="ModelResidency.MarkLoaded"/>); others wait for <see cref="Loaded"/>.</summary>
    public bool Cold { get; } = cold;

    public Task Loaded => Model.Loaded.Task;

    /// <summary>True once the request holds one of the model's parallel slots.</summary>
    public bool HoldsSlot { get; set; }

    /// <summary>True once released, so a second release does nothing.</summary>
    public bool Released { get; set; }
}
