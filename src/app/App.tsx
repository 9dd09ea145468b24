export function App() {
  return <div>Portolan</div>;
}
