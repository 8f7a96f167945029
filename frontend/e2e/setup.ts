import { afterEach } from 'vitest'
import { expectNoPageErrors, openSessions } from './browser'

// Every journey, whether or not its file checks its own sessions, fails on an uncaught page error, a console
// error or an error status it did not declare with expectRefusal().
afterEach(() => expectNoPageErrors(openSessions))
