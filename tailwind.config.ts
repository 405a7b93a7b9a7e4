// Tailwind v4 reads its theme from CSS (app/globals.css, `@theme inline`). This file exists so
// editors and the shadcn CLI find the content globs; it adds nothing the CSS does not define.
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./hooks/**/*.{ts,tsx}"],
};

export default config;
