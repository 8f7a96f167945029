// Names for the quality API's payloads (disqualification, complaints, typical persons), from the generated contract.
import type { components } from '@/api/schema'

type S = components['schemas']

export type RuleCode = S['RuleCode']
export type DisqualificationRule = S['DisqualificationRule']
export type DisqualificationEntry = S['DisqualificationEntry']
export type DisqualificationCase = S['DisqualificationCase']
export type RuleHit = S['RuleHit']
export type Complaint = S['Complaint']
export type ComplaintOutcome = S['ComplaintOutcome']
export type TypicalPerson = S['TypicalPerson']
export type TypicalPersonStatus = S['TypicalPersonStatus']
export type ConsentMethod = S['ConsentMethod']
export type Decision = S['Decision']

export const CASE_TAG: Record<DisqualificationCase['status'], 'warning' | 'danger' | 'info' | 'success'> = {
  WARNED: 'warning',
  RECTIFYING: 'warning',
  REVOKED: 'danger',
  DISMISSED: 'info',
}

/** The case the district may decide now: warned, or rectifying with its date behind us. */
export function decidable(c: DisqualificationCase, today: string): boolean {
  return c.status === 'WARNED' || (c.status === 'RECTIFYING' && !!c.rectifyBy && c.rectifyBy < today)
}

/** Today in Chongqing as yyyy-mm-dd (the server's calendar). */
export function chongqingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}
