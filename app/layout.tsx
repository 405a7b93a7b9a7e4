import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";

import { isDemoDeployment } from "@/lib/deployment/service";
import { SkipLink } from "@/components/ui/skip-link";
import { DemoBanner } from "@/components/demo-banner";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CallWaiting AI", template: "%s · CallWaiting AI" },
  description: "The AI receptionist for aesthetic clinics, and the dashboard your team lives in.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request (the demo banner, and the CSP nonce from proxy.ts).
  await connection();
  const demo = await isDemoDeployment();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans antialiased">
        {/* First on every page; each page's <main id="main"> is its target. */}
        <SkipLink />
        {demo ? <DemoBanner /> : null}
        {children}
      </body>
    </html>
  );
}
