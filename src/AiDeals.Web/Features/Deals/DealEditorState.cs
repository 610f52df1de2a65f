using AiDeals.Core.Features.Deals;

namespace AiDeals.Web.Features.Deals;

/// <summary>
/// What the deal editor read for one deal (or the blank form of a new one, <paramref name="DealId"/> null): the form and
/// the names of what it picks by id, carried as JSON from the prerendered page into the circuit (<c>[PersistentState]</c>).
/// </summary>
public sealed record DealEditorState(int? DealId, DealForm Form, DealFormNames Names);
