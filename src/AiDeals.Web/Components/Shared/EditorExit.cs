namespace AiDeals.Web.Components.Shared;

/// <summary>Where an editor leads once its record is saved, and what the snackbar says on the way.</summary>
public sealed record EditorExit(string Message, string Href);
