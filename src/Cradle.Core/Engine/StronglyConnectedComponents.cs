namespace Cradle.Core.Engine;

/// <summary>
/// Tarjan's algorithm, iterative so that long supply chains cannot overflow the stack. Components come out in
/// reverse topological order: every component after all the components it reaches.
/// </summary>
public static class StronglyConnectedComponents
{
    /// <summary>The components of the graph with <paramref name="nodeCount"/> nodes and the given successors.</summary>
    public static List<List<int>> Find(int nodeCount, Func<int, IEnumerable<int>> successors)
    {
        var index = new int[nodeCount];
        var low = new int[nodeCount];
        var onStack = new bool[nodeCount];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;
        var work = new Stack<(int Node, IEnumerator<int> Next)>();

        for (var root = 0; root < nodeCount; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }
            Open(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    var w = next.Current;
                    if (index[w] < 0)
                    {
                        Open(w);
                    }
                    else if (onStack[w])
                    {
                        low[node] = Math.Min(low[node], index[w]);
                    }
                    continue;
                }
                work.Pop();
                next.Dispose();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
                if (low[node] == index[node])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != node);
                    components.Add(component);
                }
            }
        }
        return components;

        void Open(int v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            work.Push((v, successors(v).GetEnumerator()));
        }
    }
}
