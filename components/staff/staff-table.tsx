"use client";

import { Loader2 } from "lucide-react";
import { useState, useTransition } from "react";

import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from "@/types/staff";
import { changeMemberRole, removeMember, revokeInvitation } from "@/lib/actions/staff";
import type { OpenInvitation, StaffMember } from "@/lib/db/staff";
import { formatDate } from "@/lib/format";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useClinicFormat } from "@/components/dashboard/clinic-format";
import { selectClass } from "@/components/procedures/field-styles";

/** The team with each member's role (changeable) and a remove button; open invitations below. */
export function StaffTable({
  members,
  invitations,
  currentUserId,
}: {
  members: StaffMember[];
  invitations: OpenInvitation[];
  currentUserId: string;
}) {
  const { clinic } = useClinicFormat();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<string>();

  function run(key: string, action: () => Promise<{ error?: string }>) {
    setBusy(key);
    startTransition(async () => {
      const result = await action();
      setError(result.error);
      setConfirming(undefined);
      setBusy(undefined);
    });
  }
  const date = (value: Date) => formatDate(value, clinic);

  return (
    <Card className="max-w-5xl">
      <CardHeader>
        <CardTitle>Team</CardTitle>
        <CardDescription>
          {
            "Admins manage the clinic's setup and staff; receptionists run the diary and calls. A clinic always keeps at least one admin."
          }
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <Table stack="md">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Role</TableHead>
              <TableHead className="hidden md:table-cell">Joined</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((member) => {
              const name = member.displayName || member.email;
              const you = member.userId === currentUserId;
              return (
                <TableRow key={member.userId} data-testid="staff-row" data-email={member.email}>
                  <TableCell label="Name">
                    <div className="font-medium">
                      {name} {you ? <Badge variant="outline">You</Badge> : null}
                    </div>
                    {member.displayName ? (
                      <div className="text-muted-foreground text-sm">{member.email}</div>
                    ) : null}
                  </TableCell>
                  <TableCell label="Role">
                    <select
                      className={`${selectClass} w-40`}
                      aria-label={`Role of ${name}`}
                      value={member.role}
                      disabled={pending}
                      onChange={(event) => {
                        const role = event.target.value as StaffRole;
                        run(`role:${member.userId}`, () =>
                          changeMemberRole({ userId: member.userId, role }),
                        );
                      }}
                    >
                      {STAFF_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {STAFF_ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </TableCell>
                  <TableCell label="Joined" className="text-muted-foreground hidden md:table-cell">
                    {date(member.joinedAt)}
                  </TableCell>
                  <TableCell label="Actions" className="text-right">
                    {confirming === member.userId ? (
                      <div className="flex items-center justify-end gap-2">
                        <span className="text-sm">
                          {you ? "Remove yourself?" : `Remove ${name}?`}
                        </span>
                        <Button
                          size="sm"
                          variant="destructive"
                          disabled={pending}
                          onClick={() =>
                            run(`remove:${member.userId}`, () =>
                              removeMember({ userId: member.userId }),
                            )
                          }
                        >
                          {busy === `remove:${member.userId}` ? (
                            <Loader2 className="animate-spin" aria-hidden />
                          ) : null}
                          Yes, remove
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setConfirming(undefined)}>
                          Cancel
                        </Button>
                      </div>
                    ) : (
                      <Button
                        size="sm"
                        variant="outline"
                        aria-label={`Remove ${name}`}
                        disabled={pending}
                        onClick={() => setConfirming(member.userId)}
                      >
                        Remove
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {invitations.length ? (
          <div className="grid gap-2" data-testid="open-invitations">
            <h3 className="text-sm font-medium">Invitations not yet accepted</h3>
            <ul className="grid gap-2">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2 text-sm"
                >
                  <span>
                    <strong>{invitation.email}</strong> as{" "}
                    {STAFF_ROLE_LABELS[invitation.role].toLowerCase()}, until{" "}
                    {date(invitation.expiresAt)}
                  </span>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={pending}
                    aria-label={`Withdraw the invitation for ${invitation.email}`}
                    onClick={() =>
                      run(`revoke:${invitation.id}`, () =>
                        revokeInvitation({ invitationId: invitation.id }),
                      )
                    }
                  >
                    Withdraw
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
