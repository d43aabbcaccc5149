// The lab report's numbers in the reader's locale: shares as percents (70.0% in English, 70,0 % in French),
// scores to two decimals, counts grouped. English readers get the lab's own formatting, byte for byte.
import type { Translator } from "../i18n/index.ts";

export interface LabNumbers {
  /** a share as a percent with one decimal */
  pc(x: number): string;
  /** a share as a whole percent */
  pc0(x: number): string;
  /** two decimals */
  n2(x: number): string;
  /** two decimals with a sign (+, − or none at zero) */
  signed(x: number): string;
  /** a count, grouped */
  int(x: number): string;
}

const round1 = (x: number) => Math.round(x * 1000) / 1000;
const round2 = (x: number) => Math.round(x * 100) / 100;

const ENGLISH: LabNumbers = {
  pc: (x) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`,
  pc0: (x) => `${Math.round(x * 100)}%`,
  n2: (x) => round2(x).toFixed(2),
  signed: (x) => (x > 0 ? `+${round2(x).toFixed(2)}` : x < 0 ? `−${round2(-x).toFixed(2)}` : "0"),
  int: (x) => x.toLocaleString("en"),
};

/** The number formats of `tr`'s locale (the lab's own English ones for English). */
export function labNumbers(tr: Translator): LabNumbers {
  if (tr.locale === "en") return ENGLISH;
  const two = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return {
    pc: (x) => tr.number(round1(x), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    pc0: (x) => tr.number(Math.round(x * 100) / 100, { style: "percent", maximumFractionDigits: 0 }),
    n2: (x) => tr.number(round2(x), two),
    signed: (x) => (x === 0 ? tr.number(0) : tr.number(round2(x), { ...two, signDisplay: "exceptZero" })),
    int: (x) => tr.number(x),
  };
}
