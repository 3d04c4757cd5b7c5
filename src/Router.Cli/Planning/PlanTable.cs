using System.Globalization;
using System.Text;
using Router.Core.Placement;

namespace Router.Cli.Planning;

/// <summary>`router plan`'s text: per host the models to keep resident with their memory, then the Ollama settings.</summary>
internal static class PlanTable
{
    public static string Format(PlanReport report)
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"config  {report.Config}\nrates   {report.Rates}\n");
        if (report.LoadTimes is { } loads)
        {
            text.Append(CultureInfo.InvariantCulture, $"loads   {loads}\n");
        }

        foreach (PlanHost host in report.Hosts)
        {
            string budget = host.BudgetBytes is { } bytes ? $"{PlacementPlanner.Gb(bytes)} GB" : "GPU memory unknown";
            text.Append(CultureInfo.InvariantCulture, $"\n{host.Endpoint}  {budget} ({host.BudgetSource})\n");
            foreach (PlanModel model in host.Models)
            {
                string vram = $"{PlacementPlanner.Gb(model.VramBytes)} GB{(model.VramReported ? " (reported)" : " (estimated)")}";
                text.Append(CultureInfo.InvariantCulture, $"  {model.Placement,-10}  {model.Model,-28}  {vram,-22}  num_ctx {model.ContextTokens,-6}  {model.RequestsPerHour:0.##} req/h × {model.LoadSeconds:0.0} s load\n");
            }

            if (host.Models.Count == 0)
            {
                text.Append("  (none of the configuration's models are on this host)\n");
            }

            if (host.MaxLoadedModels is { } max)
            {
                text.Append(CultureInfo.InvariantCulture, $"  saves about {host.SavedSecondsPerHour:0} s of loading an hour\n");
                text.Append(CultureInfo.InvariantCulture, $"  OLLAMA_MAX_LOADED_MODELS={max} OLLAMA_KEEP_ALIVE={host.KeepAlive}\n");
            }
            else
            {
                text.Append("  set vramGb for this endpoint in router.yaml to place models on it\n");
            }

            if (host.Models.Any(m => m.Placement == "displacing"))
            {
                text.Append("  a displacing model does not fit beside the kept ones: serving it unloads them; give it another host or more memory\n");
            }
        }

        foreach (PlanUnplaced unplaced in report.Unplaced)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nwarning: {unplaced.Tier}: {unplaced.Model} fits on no host ({unplaced.Reason})\n");
        }

        return text.ToString();
    }
}
