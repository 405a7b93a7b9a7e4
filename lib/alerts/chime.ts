/**
 * The alert sound, made with the Web Audio API (no audio file): two short rising tones. Browsers
 * start an AudioContext suspended until the person has interacted with the page, so
 * `unlockChime` is called from a click (turning the sound on) and on the first press anywhere;
 * until then `playChime` stays silent rather than failing. Browser-only.
 */

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Context =
    typeof window === "undefined"
      ? undefined
      : (window.AudioContext ??
        (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  if (!Context) return null;
  context = new Context();
  return context;
}

/** Whether this browser can play the sound at all. */
export function chimeSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    ("AudioContext" in window || "webkitAudioContext" in (window as object))
  );
}

/** From a click or key press: lets later chimes play. */
export function unlockChime(): void {
  const ctx = audioContext();
  if (ctx && ctx.state === "suspended") void ctx.resume().catch(() => {});
}

/** Two 120 ms tones (880 Hz, then 1320 Hz), soft attack and release so they do not click. */
export function playChime(): boolean {
  const ctx = audioContext();
  if (!ctx || ctx.state !== "running") return false;
  const start = ctx.currentTime + 0.01;
  [880, 1320].forEach((frequency, index) => {
    const at = start + index * 0.16;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = "sine";
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.14);
  });
  return true;
}
