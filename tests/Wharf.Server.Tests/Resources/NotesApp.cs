using System.Net.Http.Json;
using System.Text;
using Wharf.Core.Runtime;

namespace Wharf.Server.Tests.Resources;

/// <summary>HTTP calls to examples/notes as it runs: straight to a process's address on the app's network.</summary>
public static class NotesApp
{
    public static async Task<int> AddAsync(RuntimeProcess process, string note)
    {
        using var http = Client();
        using var response = await http.PostAsync(new Uri($"http://{process.Address}/notes"), new StringContent(note, Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (await response.Content.ReadFromJsonAsync<Added>())!.Id;
    }

    public static async Task<NoteList> ListAsync(RuntimeProcess process)
    {
        using var http = Client();
        using var response = await http.GetAsync(new Uri($"http://{process.Address}/notes"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (await response.Content.ReadFromJsonAsync<NoteList>())!;
    }

    private static HttpClient Client() => new() { Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Note(int Id, string Body);

    public sealed record NoteList(List<Note> Notes, string Last, int Visits)
    {
        public IReadOnlyList<string> Bodies => [.. Notes.Select(n => n.Body)];
    }

    private sealed record Added(int Id);
}
