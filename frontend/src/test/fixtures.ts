import type { LoginResponse, PlanTargets, RegionTargets, Role, User } from '@/api/types'

export function user(role: Role, extra: Partial<User> = {}): User {
  return {
    id: 1,
    username: role.toLowerCase(),
    displayName: `${role} 用户`,
    role,
    roleLabel: role,
    ...extra,
  } as User
}

/** A signed-in login response (AUTHENTICATED): token, lifetime and user are all there. */
export function loginResponse(
  u: User,
  expiresIn = 600,
  token = 'tok-1',
): LoginResponse & { accessToken: string; expiresIn: number; user: User } {
  return { status: 'AUTHENTICATED', accessToken: token, tokenType: 'Bearer', expiresIn, user: u }
}

/** A correct password for an account whose second factor (or, for staff, binding one) comes next. */
export function challengeResponse(
  status: 'SECOND_FACTOR_REQUIRED' | 'ENROLMENT_REQUIRED',
  challenge = 'ticket-1',
): LoginResponse {
  return { status, challenge, challengeExpiresIn: 300 }
}

export function regionTargets(i: number, name = `区县${i}`): RegionTargets {
  return {
    regionCode: `5001${String(i).padStart(2, '0')}`,
    regionName: name,
    newBases: i,
    newKeyEnterpriseBases: i % 3,
    positions: 100 + i,
    participants: 50 + i,
    policySessions: 2,
    matchingEvents: 1,
    typicalPersons: i % 2,
    nationalNominations: 0,
  } as RegionTargets
}

export function cityPlan(regions = 41, year = 2024): PlanTargets {
  const rows = Array.from({ length: regions }, (_, i) => regionTargets(i + 1))
  const city = { ...rows[0]! } as Record<string, unknown>
  delete city.regionCode
  delete city.regionName
  return { year, city, regions: rows } as unknown as PlanTargets
}

export function jsonResponse(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

/** A fetch stub that records requests and answers from a handler. */
export function fetchStub(handler: (req: Request) => Response | Promise<Response>) {
  const calls: Request[] = []
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init)
    calls.push(req)
    return handler(req)
  }
  return { fn, calls }
}
