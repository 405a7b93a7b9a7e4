"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";

import type { AlertCounts } from "@/types/alerts";
import { playChime, unlockChime } from "@/lib/alerts/chime";
import { alertTotal, arrivalMessage, arrivals, titleWithCount } from "@/lib/alerts/counts";
import { useAlertCounts, useAlertsLive } from "@/hooks/use-alerts";

export interface AlertPreferences {
  sound: boolean;
  notifications: boolean;
}

interface AlertsContextValue {
  clinicId: string;
  preferences: AlertPreferences;
  setPreferences(next: AlertPreferences): void;
}

const AlertsContext = createContext<AlertsContextValue | null>(null);

/** The clinic's alerts and the signed-in person's choices (null outside the dashboard). */
export function useAlerts(): AlertsContextValue | null {
  return useContext(AlertsContext);
}

/**
 * Around the dashboard: keeps the alert counts live (one stream for the whole page), puts the
 * total in the tab title, and plays the sound or shows a browser notification for what is new,
 * as the person chose.
 */
export function AlertsProvider({
  clinicId,
  initialPreferences,
  children,
}: {
  clinicId: string;
  initialPreferences: AlertPreferences;
  children: React.ReactNode;
}) {
  const [preferences, setPreferences] = useState(initialPreferences);
  useAlertsLive(clinicId);
  const counts = useAlertCounts(clinicId);
  useTabTitle(counts ? alertTotal(counts) : 0);
  useAnnounceArrivals(counts, preferences);

  return (
    <AlertsContext.Provider value={{ clinicId, preferences, setPreferences }}>
      {children}
    </AlertsContext.Provider>
  );
}

/**
 * "(3) Live calls · CallWaiting AI": the total in front of whatever title the page has. Next.js
 * sets the page's own title on navigation, so a change to <title> is watched and the count put
 * back in front.
 */
function useTabTitle(total: number) {
  useEffect(() => {
    const apply = () => {
      const wanted = titleWithCount(document.title, total);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [total]);
}

/** The sound and notifications for a new transfer, urgent call-back or pending booking. */
function useAnnounceArrivals(counts: AlertCounts | null, preferences: AlertPreferences) {
  const previous = useRef<AlertCounts | null>(null);

  // The browser lets sound play only after the person has pressed something on the page.
  useEffect(() => {
    if (!preferences.sound) return;
    const unlock = () => unlockChime();
    document.addEventListener("pointerdown", unlock, { once: true });
    document.addEventListener("keydown", unlock, { once: true });
    return () => {
      document.removeEventListener("pointerdown", unlock);
      document.removeEventListener("keydown", unlock);
    };
  }, [preferences.sound]);

  useEffect(() => {
    if (!counts) return;
    const found = arrivals(previous.current, counts);
    previous.current = counts;
    if (found.length === 0) return;
    if (preferences.sound) playChime();
    if (
      preferences.notifications &&
      typeof Notification !== "undefined" &&
      Notification.permission === "granted"
    ) {
      for (const arrival of found) {
        const { title, body } = arrivalMessage(arrival);
        const tag =
          arrival.kind === "transfer"
            ? `transfer-${arrival.transfer.callId}`
            : `${arrival.kind}-${
                arrival.kind === "urgent-callback"
                  ? counts.newestUrgentCallbackAt
                  : counts.newestPendingBookingAt
              }`;
        try {
          const notification = new Notification(title, { body, tag, requireInteraction: false });
          notification.onclick = () => {
            window.focus();
            notification.close();
          };
        } catch {
          // Some browsers (Android Chrome) allow notifications only from a service worker.
        }
      }
    }
  }, [counts, preferences.sound, preferences.notifications]);
}
