"use client";

import { useState } from "react";

import { addPractitioner } from "@/lib/actions/onboarding";
import { WEEKDAYS } from "@/lib/validations/diary-config";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormMessage } from "@/components/diary-config/form-message";
import { FormField } from "@/components/form-field";

import { Spinner, useStepAction } from "./step-action";

// Onboarding: the first practitioner and their week.

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
