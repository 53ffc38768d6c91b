// Starts GraphiQL (UMD build, loaded before this script with React 18) on the gateway's
// /graphiql page. The page's JSON config holds the endpoint and the tabs of a first visit:
// GraphiQL keeps the user's tabs in localStorage afterwards.
const config = JSON.parse(document.getElementById('graphiql-config').textContent);
const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    isHeadersEditorEnabled: true,
    // Tokens stay in the page's memory, never in localStorage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: true,
  }),
);
