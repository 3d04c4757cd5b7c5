using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Dispatch;
using Router.Runtime.Usage;

namespace Router.Lsp.Completion;

/// <summary>Books the editor's later verdict on a shown completion (accepted, dismissed) by the request id its item's
/// accept command names; the dispatcher booked the completion itself under that id. With no ledger it books nothing.</summary>
internal sealed class CompletionUsageBook(IUsageLedger? ledger)
{
    public void Accepted(string requestId, int? characters) => ledger?.UpdateOutcome(requestId, UsageOutcome.Accepted, characters);

    public void Dismissed(string requestId) => ledger?.UpdateOutcome(requestId, UsageOutcome.Dismissed);
}
