using Wharf.Router.Health;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class LiveBackendTests
{
    private static readonly TimeSpan _coolOff = TimeSpan.FromSeconds(10);

    private readonly ManualClock _clock = new();
    private readonly RoutingState _state;

    public LiveBackendTests()
    {
        _state = TestRoutes.State(_clock, _coolOff);
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("new", ready: false))));
    }

    private LiveBackend A => _state.Live("a");

    [Fact]
    public void RecordCheck_OneFailureWhileHealthy_StaysInRotation()
    {
        A.RecordCheck(CheckResult.Failed("GET / answered 500"));

        Assert.True(A.IsPickable);
        Assert.Null(A.ToStatus().Reason);
    }

    [Fact]
    public void RecordCheck_TwoFailuresInARow_LeavesRotationWithTheReason()
    {
        A.RecordCheck(CheckResult.Failed("GET / answered 500"));
        A.RecordCheck(CheckResult.Failed("GET / answered 404"));

        Assert.False(A.IsPickable);
        Assert.Equal("GET / answered 404", A.ToStatus().Reason);
        Assert.False(A.ToStatus().Healthy);
    }

    [Fact]
    public void RecordCheck_PassBetweenFailures_ResetsTheCount()
    {
        A.RecordCheck(CheckResult.Failed("GET / answered 500"));
        A.RecordCheck(CheckResult.Pass);
        A.RecordCheck(CheckResult.Failed("GET / answered 500"));

        Assert.True(A.IsPickable);
    }

    [Fact]
    public void RecordCheck_PassAfterLeavingRotation_ComesBackAtOnce()
    {
        A.RecordCheck(CheckResult.Failed("GET / answered 500"));
        A.RecordCheck(CheckResult.Failed("GET / answered 500"));

        A.RecordCheck(CheckResult.Pass);

        Assert.True(A.IsPickable);
        Assert.Null(A.ToStatus().Reason);
    }

    [Fact]
    public void RecordCheck_PendingBackendPasses_EntersRotation()
    {
        var pending = _state.Live("new");
        Assert.False(pending.IsPickable);
        Assert.Equal("waiting for its first passing health check", pending.ToStatus().Reason);

        pending.RecordCheck(CheckResult.Pass);

        Assert.True(pending.IsPickable);
    }

    [Fact]
    public void RecordCheck_PendingBackendFails_StaysOutWithTheReason()
    {
        var pending = _state.Live("new");

        pending.RecordCheck(CheckResult.NotConnected("connection refused"));

        Assert.False(pending.IsPickable);
        Assert.Equal("connection refused", pending.ToStatus().Reason);
        Assert.Equal(TimeSpan.Zero, CheckSchedule.NextDelay(pending.HealthView(), pending.Route.Health, first: true));
        Assert.Equal(CheckSchedule.PendingInterval, CheckSchedule.NextDelay(pending.HealthView(), pending.Route.Health, first: false));
    }

    [Fact]
    public void ReportFailure_Healthy_EjectsAtOnceWithTheReason()
    {
        A.ReportFailure("connection refused");

        Assert.False(A.IsPickable);
        Assert.Equal("connection refused", A.ToStatus().Reason);
        Assert.Equal(_coolOff, A.HealthView().CoolOffLeft);
    }

    [Fact]
    public void RecordCheck_PassDuringCoolOff_IsIgnored()
    {
        A.ReportFailure("connection refused");
        _clock.Advance(TimeSpan.FromSeconds(9));

        A.RecordCheck(CheckResult.Pass);

        Assert.False(A.IsPickable);
        Assert.Equal(TimeSpan.FromSeconds(1), CheckSchedule.NextDelay(A.HealthView(), A.Route.Health, first: false));
    }

    [Fact]
    public void RecordCheck_PassAfterCoolOff_BringsItBack()
    {
        A.ReportFailure("connection refused");
        _clock.Advance(_coolOff);

        A.RecordCheck(CheckResult.Pass);

        Assert.True(A.IsPickable);
    }

    [Fact]
    public void RecordCheck_FailureAfterCoolOff_KeepsItOutAtOnce()
    {
        A.ReportFailure("connection refused");
        _clock.Advance(_coolOff);

        A.RecordCheck(CheckResult.Failed("GET / answered 503"));

        Assert.False(A.IsPickable);
        Assert.Equal("GET / answered 503", A.ToStatus().Reason);
        Assert.True(A.IsLastResort);
    }

    [Fact]
    public void CoolOffOver_WithoutACheck_StaysOut()
    {
        A.ReportFailure("connection refused");
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(A.IsPickable);
        Assert.Equal(TimeSpan.Zero, A.HealthView().CoolOffLeft);
    }

    [Fact]
    public void EnterLeave_Counted_InStatus()
    {
        A.Enter();
        A.Enter();
        A.Leave();

        Assert.Equal(1, A.ToStatus().InFlight);
    }
}
