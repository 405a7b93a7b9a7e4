"use client";

import { Bell } from "lucide-react";
import { useId, useState, useSyncExternalStore, useTransition } from "react";

import { saveAlertPreferences } from "@/lib/actions/alerts";
import { chimeSupported, playChime, unlockChime } from "@/lib/alerts/chime";

import { useAlerts, type AlertPreferences } from "./alerts-provider";

type Permission = NotificationPermission | "unsupported";

function currentPermission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Follows the browser's notification permission (changed in its site settings, say). */
function subscribePermission(onChange: () => void): () => void {
  let status: PermissionStatus | null = null;
  let cancelled = false;
  navigator.permissions
    ?.query({ name: "notifications" })
    .then((result) => {
      if (cancelled) return;
      status = result;
      result.addEventListener("change", onChange);
    })
    .catch(() => {});
  return () => {
    cancelled = true;
    status?.removeEventListener("change", onChange);
  };
}

/** Why notifications cannot be shown, as a sentence; null when they can. */
export function permissionProblem(permission: Permission): string | null {
  if (permission === "unsupported")
    return "This browser cannot show notifications. The sound and the counts still work.";
  if (permission === "denied")
    return "Notifications are blocked for this site. Allow them in your browser's site settings, then turn this on again.";
  return null;
}

/**
 * The signed-in person's own alert choices, in the user menu: a short sound and browser
 * notifications when a transfer starts or an urgent call-back or a booking waiting for
 * confirmation appears. The browser's permission is asked for only when they turn
 * notifications on.
 */
export function AlertSettings() {
  const alerts = useAlerts();
  const soundId = useId();
  const notifyId = useId();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const permission = useSyncExternalStore<Permission>(
    subscribePermission,
    currentPermission,
    () => "default",
  );
  if (!alerts) return null;
  const { preferences, setPreferences } = alerts;

  // Shown at once (the checkbox follows the click); put back if it could not be saved.
  const save = (next: AlertPreferences, done: string) => {
    const before = preferences;
    setPreferences(next);
    setMessage(null);
    startTransition(async () => {
      const result = await saveAlertPreferences(next);
      if (result.error || !result.saved) {
        setPreferences(before);
        setMessage(result.error ?? "Your choice could not be saved. Try again.");
        return;
      }
      setPreferences(result.saved);
      setMessage(done);
    });
  };

  const onSound = (on: boolean) => {
    if (on) {
      if (!chimeSupported()) {
        setMessage("This browser cannot play sounds.");
        return;
      }
      unlockChime();
      // A preview, from the click that allows it.
      setTimeout(() => playChime(), 50);
    }
    save({ ...preferences, sound: on }, on ? "Sound on." : "Sound off.");
  };

  const onNotifications = async (on: boolean) => {
    if (!on) {
      save({ ...preferences, notifications: false }, "Notifications off.");
      return;
    }
    let now = currentPermission();
    // The browser asks only now, from this click.
    if (now === "default") now = await Notification.requestPermission();
    if (now !== "granted") {
      setMessage(permissionProblem(now) ?? "Notifications were not allowed, so they stay off.");
      return;
    }
    save({ ...preferences, notifications: true }, "Notifications on.");
  };

  const blocked = preferences.notifications ? permissionProblem(permission) : null;

  return (
    <details className="group px-3 text-sm" data-testid="alert-settings">
      <summary className="text-sidebar-foreground/80 hover:text-sidebar-foreground flex cursor-pointer items-center gap-2 rounded-md py-1 font-medium">
        <Bell className="size-4" aria-hidden />
        Sound and notifications
      </summary>
      <div className="grid gap-2 pt-2">
        <p className="text-muted-foreground text-xs">
          For a transfer, an urgent call-back or a new booking to confirm. Only for you.
        </p>
        <div className="flex items-center gap-2">
          <input
            id={soundId}
            type="checkbox"
            className="accent-primary size-4"
            checked={preferences.sound}
            disabled={pending}
            onChange={(event) => onSound(event.target.checked)}
          />
          <label htmlFor={soundId}>Play a sound</label>
        </div>
        <div className="flex items-center gap-2">
          <input
            id={notifyId}
            type="checkbox"
            className="accent-primary size-4"
            checked={preferences.notifications}
            disabled={pending}
            onChange={(event) => void onNotifications(event.target.checked)}
          />
          <label htmlFor={notifyId}>Show browser notifications</label>
        </div>
        <p
          role="status"
          className="text-muted-foreground min-h-4 text-xs"
          data-testid="alert-settings-status"
        >
          {message ?? blocked ?? ""}
        </p>
      </div>
    </details>
  );
}
