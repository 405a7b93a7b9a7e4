import { notFound } from "next/navigation";

// Any address the dashboard does not have: its not-found page, in the dashboard's frame
// (without this, Next.js shows its bare default 404 outside the layout).
export default function MissingPage() {
  notFound();
}
