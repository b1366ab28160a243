import { notFound } from "~/web/not-found.server";

/** Every URL no other route claims: the root error boundary shows the 404 page. */
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
