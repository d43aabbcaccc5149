// A short two-note chime, synthesized with the Web Audio API (no audio file),
// and the setting that turns it on: off unless the person chose it, in this browser.

const KEY = "deconflict:sound";
let ctx: AudioContext | null = null;

/** Whether the person turned the sound on (off by default). */
export function soundOn(): boolean {
  return localStorage.getItem(KEY) === "on";
}

export function setSoundOn(on: boolean): void {
  localStorage.setItem(KEY, on ? "on" : "off");
}

/** Plays the chime; silent if the browser will not play sound yet (no gesture on the page so far). */
export function chime(): void {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === "suspended") void ctx.resume();
    const now = ctx.currentTime;
    [880, 660].forEach((freq, i) => {
      const osc = ctx!.createOscillator();
      const gain = ctx!.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      const start = now + i * 0.14;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      osc.connect(gain).connect(ctx!.destination);
      osc.start(start);
      osc.stop(start + 0.3);
    });
  } catch {
    // no audio on this machine: the toast and the title still tell
  }
}
