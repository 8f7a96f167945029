import { describe, expect, it } from 'vitest'
import { floorInForce } from './allowance'

describe('floorInForce', () => {
  const rates = [
    { year: 2025, allowanceFloor: 2000 },
    { year: 2026, allowanceFloor: 2100 },
  ]

  it("takes the year's floor, or the latest earlier one until the year's is set", () => {
    expect(floorInForce(rates, 2026)).toEqual({ year: 2026, allowanceFloor: 2100 })
    expect(floorInForce(rates, 2027)).toEqual({ year: 2026, allowanceFloor: 2100 })
    expect(floorInForce(rates, 2025)?.allowanceFloor).toBe(2000)
  })

  it('has no floor before any year has rates', () => {
    expect(floorInForce(rates, 2024)).toBeNull()
    expect(floorInForce([], 2026)).toBeNull()
  })
})
