export default function Home() {
  return <h1>Tessera</h1>;
}
