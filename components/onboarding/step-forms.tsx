"use client";

import { Loader2, PhoneCall } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

import {
  addPractitioner,
  confirmHours,
  connectClinicNumber,
  importStarterProcedures,
  runTestCall,
  saveClinicNumber,
  type FormState,
} from "@/lib/actions/onboarding";
import type { StarterProcedure } from "@/lib/onboarding/starter";
import { WEEKDAYS } from "@/lib/validations/diary-config";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/diary-config/form-message";
import { FormField } from "@/components/form-field";

/** Runs one onboarding action and keeps what it answered. */
function useStepAction() {
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<FormState>, onDone?: (state: FormState) => void) =>
    startTransition(async () => {
      const result = await action();
      setState(result);
      if (!result.error && !result.fieldErrors) onDone?.(result);
    });
  return { state, pending, run };
}

function Spinner({ pending }: { pending: boolean }) {
  return pending ? <Loader2 className="animate-spin" aria-hidden /> : null;
}

export function MarkHoursDone({ done }: { done: boolean }) {
  const { state, pending, run } = useStepAction();
  return (
    <div className="grid gap-2">
      <FormMessage error={state.error} saved={state.message} />
      <Button
        className="justify-self-start"
        disabled={pending || done}
        onClick={() => run(() => confirmHours({}))}
      >
        <Spinner pending={pending} />
        {done ? "Hours reviewed" : "These hours are right"}
      </Button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Starter procedures
// ---------------------------------------------------------------------------------------------

interface Row {
  key: string;
  chosen: boolean;
  name: string;
  consultationMinutes: string;
  mainMinutes: string;
  kind: string;
}

export function StarterProceduresForm({
  starter,
  existing,
}: {
  starter: StarterProcedure[];
  /** Lower-case names the clinic already has (shown as imported). */
  existing: string[];
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    starter.map((item) => ({
      key: item.key,
      chosen: !existing.includes(item.name.toLowerCase()),
      name: item.name,
      consultationMinutes: String(item.consultationMinutes),
      mainMinutes: String(item.main.minutes),
      kind: item.main.kind,
    })),
  );
  const { state, pending, run } = useStepAction();
  const set = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const chosen = rows.filter((row) => row.chosen);
  return (
    <form
      aria-label="Starter procedures"
      className="grid gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() =>
          importStarterProcedures({
            items: chosen.map((row) => ({
              key: row.key,
              name: row.name,
              consultationMinutes: Number(row.consultationMinutes || 0),
              mainMinutes: Number(row.mainMinutes || 0),
            })),
          }),
        );
      }}
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-muted-foreground text-left">
            <tr>
              <th className="w-8 py-1 font-normal">
                <span className="sr-only">Import</span>
              </th>
              <th className="py-1 font-normal">Procedure</th>
              <th className="py-1 font-normal">Consultation (min)</th>
              <th className="py-1 font-normal">Treatment or surgery (min)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const imported = existing.includes(row.name.toLowerCase());
              return (
                <tr key={row.key} className="border-t">
                  <td className="py-1.5">
                    <input
                      type="checkbox"
                      aria-label={`Import ${row.name}`}
                      checked={row.chosen}
                      onChange={(event) => set(index, { chosen: event.target.checked })}
                    />
                  </td>
                  <td className="py-1.5 pr-2">
                    <Input
                      aria-label={`Name of ${row.key}`}
                      value={row.name}
                      onChange={(event) => set(index, { name: event.target.value })}
                      disabled={!row.chosen}
                    />
                    {imported ? (
                      <span className="text-muted-foreground text-xs">Already imported</span>
                    ) : null}
                  </td>
                  <td className="w-36 py-1.5 pr-2">
                    <Input
                      aria-label={`${row.name} consultation minutes`}
                      inputMode="numeric"
                      value={row.consultationMinutes}
                      onChange={(event) => set(index, { consultationMinutes: event.target.value })}
                      disabled={!row.chosen}
                    />
                  </td>
                  <td className="w-36 py-1.5">
                    <Input
                      aria-label={`${row.name} ${row.kind} minutes`}
                      inputMode="numeric"
                      value={row.mainMinutes}
                      onChange={(event) => set(index, { mainMinutes: event.target.value })}
                      disabled={!row.chosen}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-muted-foreground text-xs">
        0 minutes leaves that appointment out. Surgery is confirmed by staff; treatments book at
        once. Change anything later under Procedures and Diary setup.
      </p>
      <FormMessage error={state.error} saved={state.message} />
      <Button type="submit" className="justify-self-start" disabled={pending || !chosen.length}>
        <Spinner pending={pending} />
        Import {chosen.length} procedure{chosen.length === 1 ? "" : "s"}
      </Button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Practitioners
// ---------------------------------------------------------------------------------------------

interface Day {
  on: boolean;
  opens: string;
  closes: string;
}

const defaultWeek = (): Record<number, Day> =>
  Object.fromEntries(
    WEEKDAYS.map(({ weekday }) => [weekday, { on: weekday <= 5, opens: "09:00", closes: "17:00" }]),
  );

export function PractitionerForm({ types }: { types: { id: string; name: string }[] }) {
  const [name, setName] = useState("");
  const [title, setTitle] = useState("");
  const [typeIds, setTypeIds] = useState<string[]>([]);
  const [week, setWeek] = useState(defaultWeek);
  const { state, pending, run } = useStepAction();
  const errors = state.fieldErrors ?? {};
  const setDay = (weekday: number, patch: Partial<Day>) =>
    setWeek((current) => ({ ...current, [weekday]: { ...current[weekday]!, ...patch } }));
  return (
    <form
      aria-label="Add a practitioner"
      className="grid gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () =>
            addPractitioner({
              name,
              title,
              appointmentTypeIds: typeIds,
              intervals: WEEKDAYS.filter(({ weekday }) => week[weekday]!.on).map(({ weekday }) => ({
                weekday,
                opens: week[weekday]!.opens,
                closes: week[weekday]!.closes,
              })),
            }),
          () => {
            setName("");
            setTitle("");
            setTypeIds([]);
            setWeek(defaultWeek());
          },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name" error={errors.name}>
          {(props) => (
            <Input {...props} value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </FormField>
        <FormField label="Role" error={errors.title}>
          {(props) => (
            <Input
              {...props}
              placeholder="Nurse injector, surgeon…"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">What they perform</legend>
        {types.length === 0 ? (
          <p className="text-muted-foreground text-sm">Import procedures first (the step above).</p>
        ) : (
          <div className="grid gap-1 sm:grid-cols-2">
            {types.map((type) => (
              <label key={type.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={typeIds.includes(type.id)}
                  onChange={(event) =>
                    setTypeIds((current) =>
                      event.target.checked
                        ? [...current, type.id]
                        : current.filter((id) => id !== type.id),
                    )
                  }
                />
                {type.name}
              </label>
            ))}
          </div>
        )}
        {errors.appointmentTypeIds ? (
          <p className="text-destructive text-sm" role="alert">
            {errors.appointmentTypeIds}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Weekly hours</legend>
        {WEEKDAYS.map(({ weekday, name: dayName }) => {
          const day = week[weekday]!;
          return (
            <div key={weekday} className="flex flex-wrap items-center gap-2 text-sm">
              <label className="flex w-32 items-center gap-2">
                <input
                  type="checkbox"
                  checked={day.on}
                  onChange={(event) => setDay(weekday, { on: event.target.checked })}
                />
                {dayName}
              </label>
              <Input
                type="time"
                aria-label={`${dayName} from`}
                className="w-32"
                value={day.opens}
                disabled={!day.on}
                onChange={(event) => setDay(weekday, { opens: event.target.value })}
              />
              <span aria-hidden>–</span>
              <Input
                type="time"
                aria-label={`${dayName} until`}
                className="w-32"
                value={day.closes}
                disabled={!day.on}
                onChange={(event) => setDay(weekday, { closes: event.target.value })}
              />
            </div>
          );
        })}
        {errors.intervals ? (
          <p className="text-destructive text-sm" role="alert">
            {errors.intervals}
          </p>
        ) : null}
      </fieldset>
      <FormMessage error={state.error} saved={state.message} />
      <Button type="submit" className="justify-self-start" disabled={pending}>
        <Spinner pending={pending} />
        Add practitioner
      </Button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The phone number
// ---------------------------------------------------------------------------------------------

export function NumberForm({ phoneNumber }: { phoneNumber: string | null }) {
  const [value, setValue] = useState(phoneNumber ?? "");
  const save = useStepAction();
  const connect = useStepAction();
  return (
    <div className="grid gap-4">
      <form
        aria-label="Clinic phone number"
        className="grid gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData();
          data.set("phoneNumber", value);
          save.run(() => saveClinicNumber(data));
        }}
      >
        <FormField label="Twilio number" error={save.state.fieldErrors?.phoneNumber}>
          {(props) => (
            <Input
              {...props}
              type="tel"
              placeholder="+44 20 7946 0018"
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </FormField>
        <FormMessage error={save.state.error} saved={save.state.message} />
        <Button
          type="submit"
          variant="outline"
          className="justify-self-start"
          disabled={save.pending}
        >
          <Spinner pending={save.pending} />
          Save number
        </Button>
      </form>
      <div className="grid gap-2">
        <FormMessage error={connect.state.error} saved={connect.state.message} />
        <Button
          className="justify-self-start"
          disabled={connect.pending || !phoneNumber}
          onClick={() => connect.run(() => connectClinicNumber({}))}
        >
          <Spinner pending={connect.pending} />
          Connect to Vapi
        </Button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The test call
// ---------------------------------------------------------------------------------------------

/**
 * Embedded default: the simulator plays a caller. Production: the admin rings the number. Either
 * way the page refreshes every 2 s until the call has arrived.
 */
export function TestCall({
  simulator,
  phoneNumber,
  calls,
}: {
  simulator: boolean;
  phoneNumber: string | null;
  calls: number;
}) {
  const router = useRouter();
  const { state, pending, run } = useStepAction();
  const [waitingFrom, setWaitingFrom] = useState<number | null>(null);
  const waiting = waitingFrom !== null && calls <= waitingFrom;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [waiting, router]);

  if (!phoneNumber)
    return (
      <p className="text-muted-foreground text-sm">Enter the clinic&apos;s number first (above).</p>
    );
  return (
    <div className="grid gap-3">
      {simulator ? (
        <Button
          className="justify-self-start"
          disabled={pending || waiting}
          onClick={() =>
            run(
              () => runTestCall({}),
              () => setWaitingFrom(calls),
            )
          }
        >
          {pending || waiting ? (
            <Loader2 className="animate-spin" aria-hidden />
          ) : (
            <PhoneCall aria-hidden />
          )}
          Run a test call
        </Button>
      ) : (
        <div className="grid gap-2">
          <p className="text-sm">
            Call <strong>{phoneNumber}</strong> now from any phone. Voxanne answers; the call
            appears here when it arrives.
          </p>
          <Button
            variant="outline"
            className="justify-self-start"
            disabled={waiting}
            onClick={() => setWaitingFrom(calls)}
          >
            {waiting ? <Loader2 className="animate-spin" aria-hidden /> : null}
            {waiting ? "Waiting for your call…" : "I'm calling now"}
          </Button>
        </div>
      )}
      <FormMessage error={state.error} saved={waiting ? state.message : undefined} />
    </div>
  );
}
