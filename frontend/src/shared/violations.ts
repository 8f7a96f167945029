import { ApiError } from '@/api/client'
import type { Violation } from '@/api/types'

/**
 * Maps the problem's violations onto form fields: `field` as sent by the server (possibly a path such
 * as `body.creditCode` or `apply.arg0.creditCode`) → the form's prop name. Only known form fields are
 * kept; a field that is not on the form goes to `unmatched` so that the page can still show it.
 */
export function violationsToFields(
  violations: readonly Violation[] | undefined,
  formFields: readonly string[],
  aliases: Record<string, string> = {},
): { fields: Record<string, string>; unmatched: Violation[] } {
  const fields: Record<string, string> = {}
  const unmatched: Violation[] = []
  const known = new Set(formFields)
  for (const v of violations ?? []) {
    const target = resolveField(v.field ?? '', known, aliases)
    if (target) {
      fields[target] = fields[target] ? `${fields[target]}；${v.message}` : v.message
    } else {
      unmatched.push(v)
    }
  }
  return { fields, unmatched }
}

function resolveField(field: string, known: Set<string>, aliases: Record<string, string>): string | null {
  if (aliases[field]) return aliases[field]!
  if (known.has(field)) return field
  // Take the last path segment (drop method/arg prefixes and list indices: `keyCategories[0]`).
  const last = field.split('.').pop()?.replace(/\[\d+\]$/, '') ?? ''
  if (aliases[last]) return aliases[last]!
  if (known.has(last)) return last
  return null
}

/** The field errors of a thrown ApiError (empty when it is not one or carries no violations). */
export function fieldErrorsOf(
  e: unknown,
  formFields: readonly string[],
  aliases?: Record<string, string>,
): { fields: Record<string, string>; unmatched: Violation[] } {
  const violations = e instanceof ApiError ? e.problem.violations : undefined
  return violationsToFields(violations, formFields, aliases)
}
