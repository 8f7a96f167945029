// The living-allowance floor (基本生活费下限) a position must pay to go before young people. The
// backend decides (SubsidyRates.allowanceFloor); the base's form only shows it as a hint.

export interface YearFloor {
  year: number
  allowanceFloor: number
}

/** The floor in force in `year`: that year's, or while it is not set yet the latest earlier year's. */
export function floorInForce(rates: YearFloor[], year: number): YearFloor | null {
  let best: YearFloor | null = null
  for (const r of rates) {
    if (r.year <= year && (!best || r.year > best.year)) best = r
  }
  return best
}
