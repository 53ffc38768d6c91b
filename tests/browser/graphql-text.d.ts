// The contract's .graphql files, bundled as text by esbuild (loader "text") for the web app.
declare module '*.graphql' {
  const text: string;
  export default text;
}
