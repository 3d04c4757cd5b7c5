using Router.Core.Configuration;
using Router.Core.Requests;

namespace Router.Runtime.Budget;

/// <summary>What a priced cloud request asks the budget for before it is sent.</summary>
/// <param name="Endpoint">The cloud endpoint's name in the configuration.</param>
/// <param name="Tier">The tier the attempt is made on.</param>
/// <param name="Usd">The request's estimated cost: its prompt and the answer's reserve of tokens.</param>
/// <param name="Budget">The configuration's daily and monthly budget.</param>
/// <param name="Scope">A budget of its own the request also counts against (a gateway key's); null for none.</param>
public sealed record BudgetClaim(string Endpoint, Tier Tier, decimal Usd, BudgetConfig Budget, BudgetScope? Scope = null);
