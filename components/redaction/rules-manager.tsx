"use client";

import { Pencil, Plus } from "lucide-react";
import { useState, useTransition } from "react";

import { saveRule, toggleRule } from "@/lib/actions/redaction";
import type { RedactionRuleRow } from "@/lib/db/catalog";
import { REDACTION_TYPES } from "@/lib/redaction/types";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

type Draft = {
  id?: string;
  kind: "keyword" | "pattern";
  value: string;
  category: string;
  description: string;
  enabled: boolean;
  redactFollowing: boolean;
};
const EMPTY: Draft = {
  kind: "keyword",
  value: "",
  category: "MEDICAL",
  description: "",
  enabled: true,
  redactFollowing: false,
};
// A keyword that introduces a secret: its value is what needs removing.
const CREDENTIAL =
  /password|passcode|\bpin\b|security code|secret|code ?word|memorable|login|user ?name/i;
const selectClass = "border-input bg-background h-9 rounded-md border px-3 text-sm";

/** The clinic's own rules: add, edit, switch on and off. Every change is audited by the database. */
export function RulesManager({ rules }: { rules: RedactionRuleRow[] }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    startTransition(async () => {
      const result = await saveRule(draft);
      setErrors(result.fieldErrors ?? {});
      setError(result.error);
      if (!result.error && !result.fieldErrors) setDraft(null);
    });
  };
  const toggle = (rule: RedactionRuleRow) =>
    startTransition(async () => {
      const result = await toggleRule({ id: rule.id, enabled: !rule.enabled });
      setError(result.error);
    });

  return (
    <div className="grid gap-4">
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {draft ? (
        <form
          onSubmit={submit}
          className="bg-muted/30 grid gap-4 rounded-lg border p-4 md:grid-cols-[8rem_1fr_9rem]"
          aria-label={draft.id ? "Edit rule" : "New rule"}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="rule-kind">Kind</Label>
            <select
              id="rule-kind"
              className={selectClass}
              value={draft.kind}
              onChange={(event) =>
                setDraft({ ...draft, kind: event.target.value as Draft["kind"] })
              }
            >
              <option value="keyword">Keyword</option>
              <option value="pattern">Pattern</option>
            </select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="rule-value">
              {draft.kind === "keyword"
                ? "Keyword or phrase (whole words, any case)"
                : "Regular expression (RE2 syntax)"}
            </Label>
            <Input
              id="rule-value"
              value={draft.value}
              onChange={(event) => {
                const value = event.target.value;
                // Suggest removing the value for a credential keyword; the admin can untick it.
                const suggest = !draft.id && draft.kind === "keyword" && CREDENTIAL.test(value);
                setDraft({ ...draft, value, redactFollowing: draft.redactFollowing || suggest });
              }}
              aria-invalid={Boolean(errors.value)}
              className="font-mono"
              required
            />
            {errors.value ? <p className="text-destructive text-sm">{errors.value}</p> : null}
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="rule-category">Replace with</Label>
            <select
              id="rule-category"
              className={selectClass}
              value={draft.category}
              onChange={(event) => setDraft({ ...draft, category: event.target.value })}
            >
              {REDACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  [{type}]
                </option>
              ))}
            </select>
          </div>
          {draft.kind === "keyword" ? (
            <label className="flex items-start gap-2 text-sm md:col-span-3">
              <input
                type="checkbox"
                className="mt-0.5 size-4"
                checked={draft.redactFollowing}
                onChange={(event) => setDraft({ ...draft, redactFollowing: event.target.checked })}
              />
              <span>
                Also remove what is said after it
                <span className="text-muted-foreground block text-xs">
                  For passwords, codes and other secrets: &ldquo;portal password is hunter2&rdquo;
                  is stored as &ldquo;[{draft.category}] is [{draft.category}]&rdquo;.
                </span>
              </span>
            </label>
          ) : null}
          <div className="grid gap-1.5 md:col-span-3">
            <Label htmlFor="rule-description">Why (for other admins)</Label>
            <Input
              id="rule-description"
              value={draft.description}
              onChange={(event) => setDraft({ ...draft, description: event.target.value })}
            />
          </div>
          <div className="flex gap-2 md:col-span-3">
            <Button type="submit" disabled={pending}>
              {draft.id ? "Save rule" : "Add rule"}
            </Button>
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setDraft(null);
                setErrors({});
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button onClick={() => setDraft(EMPTY)}>
            <Plus aria-hidden /> Add a rule
          </Button>
        </div>
      )}
      <div className="rounded-lg border">
        <Table stack="md">
          <TableHeader>
            <TableRow>
              <TableHead>Rule</TableHead>
              <TableHead>Replaced with</TableHead>
              <TableHead className="hidden md:table-cell">Why</TableHead>
              <TableHead className="text-right">State</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((rule) => (
              <TableRow key={rule.id} data-testid="rule-row">
                <TableCell label="Rule">
                  <code className="bg-muted rounded px-1.5 py-0.5 text-xs">{rule.value}</code>
                  <span className="text-muted-foreground ml-2 text-xs">
                    {rule.kind}
                    {rule.redactFollowing ? " · and what follows" : ""}
                  </span>
                </TableCell>
                <TableCell label="Replaced with">
                  <Badge variant="secondary">[{rule.category}]</Badge>
                </TableCell>
                <TableCell
                  label="Why"
                  className="text-muted-foreground hidden max-w-sm truncate md:table-cell"
                >
                  {rule.description}
                </TableCell>
                <TableCell label="State" className="text-right">
                  <div className="flex items-center justify-end gap-2">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Edit ${rule.value}`}
                      onClick={() => setDraft({ ...rule })}
                    >
                      <Pencil aria-hidden />
                    </Button>
                    <Button
                      size="sm"
                      variant={rule.enabled ? "outline" : "secondary"}
                      disabled={pending}
                      onClick={() => toggle(rule)}
                      aria-pressed={rule.enabled}
                      aria-label={`${rule.enabled ? "Turn off" : "Turn on"} ${rule.value}`}
                    >
                      {rule.enabled ? "On" : "Off"}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
