"use client";

import { useEffect, useState } from "react";

/** The current time, re-rendered every `intervalMs` (for elapsed times and countdowns). */
export function useNow(intervalMs = 1000, offsetMs = 0): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, offsetMs]);
  return now;
}
