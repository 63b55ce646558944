namespace Wharf.Storage.Logs;

internal sealed partial class AppLog
{
    /// <summary>A group commit takes what is queued up to about this much; the rest waits for the next one.</summary>
    private const long MaxGroupBytes = 8L * 1024 * 1024;

    private async Task RunWriterAsync()
    {
        var group = new List<AppLogRequest>();
        var reader = _requests.Reader;
        while (await reader.WaitToReadAsync())
        {
            AppLogRequest? control = null;
            long bytes = 0;
            while (bytes < MaxGroupBytes && reader.TryRead(out var request))
            {
                if (request.Kind != AppLogRequestKind.Append)
                {
                    control = request;
                    break;
                }

                group.Add(request);
                bytes += request.EstimatedBytes;
            }

            if (group.Count > 0)
            {
                Commit(group);
                group.Clear();
            }

            if (control is not null)
            {
                RunControl(control);
            }
        }
    }

    /// <summary>Writes every queued append in one write ending with one commit record, fsyncs once, then acknowledges them all.</summary>
    private void Commit(List<AppLogRequest> group)
    {
        if (_active is null && !_deleted && _broken is not null)
        {
            TryRevive();
        }

        if (_active is null)
        {
            var failure = _broken is null ? (Exception)Closed() : new IOException($"The log of '{Name}' cannot be written: {_broken.Message}", _broken);
            group.ForEach(request => request.Done.TrySetException(failure));
            return;
        }

        var now = _clock.GetUtcNow().UtcTicks;
        try
        {
            _buffer.Clear();
            foreach (var request in group)
            {
                foreach (var entry in request.Entries)
                {
                    _buffer.AppendEntry(entry);
                }

                if (request.Cursor is { } cursor)
                {
                    _buffer.AppendCursor(cursor.Source, cursor.Position, now);
                }
            }

            _buffer.AppendCommit();
            _active.Append(_buffer.Written);
        }
        catch (Exception e)
        {
            group.ForEach(request => request.Done.TrySetException(e));
            LogStoreLog.WriteFailed(_logger, Name, e);
            RollBack();
            return;
        }

        foreach (var request in group)
        {
            if (request.Cursor is { } cursor)
            {
                _cursors.Set(cursor.Source, cursor.Position, now);
            }
        }

        _buffer.Trim();
        Interlocked.Increment(ref _commits);
        Publish();
        group.ForEach(request => request.Done.TrySetResult());
        if (_active.Length >= _options.SegmentBytes)
        {
            Guard(() =>
            {
                Roll();
                EnforceRetention();
            });
        }
    }

    /// <summary>After a failed write: reopens the segment as recovery would, so the log ends at its last commit again.</summary>
    private void RollBack()
    {
        var files = _active!.Files;
        _active.Dispose();
        _active = null;
        try
        {
            _active = ActiveSegment.Recover(files, BlockBytes(_options), _cursors).Segment;
            Publish();
        }
        catch (Exception e)
        {
            _broken = e;
            LogStoreLog.Broken(_logger, Name, e);
            Publish();
        }
    }

    /// <summary>Closes the active segment and starts the next one with a checkpoint of the cursors.</summary>
    private void Roll()
    {
        var active = _active!;
        _active = null;
        var sealedSegment = active.Seal();
        _sealed.Add(sealedSegment);
        _activeFiles = new SegmentFiles(Directory, sealedSegment.Id + 1);
        _active = CreateSegment(_activeFiles);
        Publish();
    }

    private ActiveSegment CreateSegment(SegmentFiles files)
    {
        var now = _clock.GetUtcNow();
        WriteCheckpoint(_buffer, _cursors.KeepSince((now - _options.MaxAge).UtcTicks));
        return ActiveSegment.Create(files, _buffer.Written, now.UtcTicks, BlockBytes(_options));
    }

    /// <summary>
    /// After a failure left no segment open (a full disk, a directory gone): opens the segment again, or starts it,
    /// so the log takes lines again once the trouble is over.
    /// </summary>
    private void TryRevive()
    {
        try
        {
            if (File.Exists(_activeFiles.LogPath))
            {
                // Its closing may have stopped halfway: it is the segment being written until its successor exists.
                _activeFiles.DeleteIndex();
                _active = ActiveSegment.Recover(_activeFiles, BlockBytes(_options), _cursors).Segment;
            }
            else
            {
                _active = CreateSegment(_activeFiles);
            }

            _broken = null;
            Publish();
        }
        catch (Exception e)
        {
            _broken = e;
        }
    }

    private void RunControl(AppLogRequest control)
    {
        try
        {
            switch (control.Kind)
            {
                case AppLogRequestKind.Retention:
                    ApplyRetention();
                    break;
                case AppLogRequestKind.Delete:
                    Delete();
                    break;
            }

            control.Done.TrySetResult();
        }
        catch (Exception e)
        {
            if (_active is null && !_deleted)
            {
                _broken ??= e;
            }

            control.Done.TrySetException(e);
        }
    }

    private void Delete()
    {
        _deleted = true;
        _active?.Dispose();
        _active = null;
        _sealed.Clear();
        PublishClosed();
        _requests.Writer.TryComplete();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
            IO.DurableFile.FsyncDirectory(Path.GetDirectoryName(Directory)!);
        }
    }

    /// <summary>
    /// Runs a step after a commit (closing a full segment, retention) whose failure must not stop the writer: the log
    /// stays writable while it has an active segment.
    /// </summary>
    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            if (_active is null)
            {
                _broken ??= e;
            }

            LogStoreLog.MaintenanceFailed(_logger, Name, e);
            Publish();
        }
    }
}
