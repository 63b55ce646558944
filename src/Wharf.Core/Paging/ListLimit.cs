using Wharf.Core.Errors;

namespace Wharf.Core.Paging;

/// <summary>Checks the "limit" of a list request.</summary>
public static class ListLimit
{
    public const int Max = 1000;

    public static int Check(int? limit, int defaultLimit)
    {
        if (limit is null)
        {
            return defaultLimit;
        }

        if (limit is < 1 or > Max)
        {
            throw WharfValidationException.For("limit", $"The limit {limit} is out of range: give a number from 1 to {Max}.");
        }

        return limit.Value;
    }
}
