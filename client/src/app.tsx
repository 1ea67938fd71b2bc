// Placeholder shell until the field PWA lands: shows that the server is up and links to GraphiQL.
export function App() {
  return (
    <main>
      <h1>整改通</h1>
      <p>
        <a href="/graphql">GraphQL</a>
      </p>
    </main>
  );
}
