namespace Wharf.Storage.Logs;

internal sealed partial class AppLog
{
    /// <summary>Rolls the active segment when all of it is past the maximum age, then drops what is too old or too much.</summary>
    private void ApplyRetention()
    {
        if (_active is null)
        {
            return;
        }

        var view = _active.View();
        var cutoff = (_clock.GetUtcNow() - _options.MaxAge).UtcTicks;
        if (view.EntryCount > 0 && view.MaxTicks < cutoff)
        {
            Roll();
        }

        EnforceRetention();
    }

    /// <summary>
    /// Drops closed segments whose newest line is older than the maximum age, then the oldest ones while the log is
    /// over its size limit. Readers already reading a dropped file keep their open handle; new ones no longer see it.
    /// </summary>
    private void EnforceRetention()
    {
        var cutoff = (_clock.GetUtcNow() - _options.MaxAge).UtcTicks;
        var drop = _sealed.Where(segment => segment.View.MaxTicks < cutoff).ToList();
        var kept = _sealed.Except(drop).ToList();
        var total = kept.Sum(segment => segment.DiskBytes) + (_active?.DiskBytes ?? 0);
        while (total > _options.MaxBytesPerApp && kept.Count > 0)
        {
            total -= kept[0].DiskBytes;
            drop.Add(kept[0]);
            kept.RemoveAt(0);
        }

        if (drop.Count == 0)
        {
            return;
        }

        _sealed.Clear();
        _sealed.AddRange(kept);
        Publish();
        long freed = 0;
        foreach (var segment in drop)
        {
            freed += segment.Files.Delete();
        }

        IO.DurableFile.FsyncDirectory(Directory);
        LogStoreLog.Dropped(_logger, Name, drop.Count, freed);
    }
}
