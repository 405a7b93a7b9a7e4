"use client";

import { Check, Copy, Download } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Read-only JSON with copy and download, for pasting into Vapi or handing to an engineer. */
export function ConfigViewer({ json, fileName }: { json: string; fileName: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(json);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="grid gap-2">
      <div className="flex gap-2">
        <Button size="sm" variant="outline" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button size="sm" variant="outline" onClick={download}>
          <Download aria-hidden />
          Download
        </Button>
      </div>
      <ScrollRegion
        label="The assistant's configuration (JSON)"
        className="bg-muted max-h-[32rem] overflow-auto rounded-lg border"
      >
        <pre className="w-max p-4 font-mono text-xs leading-5" data-testid="assistant-json">
          {json}
        </pre>
      </ScrollRegion>
    </div>
  );
}
