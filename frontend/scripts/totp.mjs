// TOTP (RFC 6238: HMAC-SHA1, six digits, 30-second steps) for the demo and the browser tests.
// `make otp` runs it to print the demo staff's current code: node frontend/scripts/totp.mjs [SECRET]
import { createHmac } from 'node:crypto'
import { pathToFileURL } from 'node:url'

export const DEMO_TOTP_SECRET = 'JIANXIDEMOTOTPSECRETJIANXIDEMO23'
export const STEP_SECONDS = 30

/** RFC 4648 base32, ignoring case, spaces and padding. */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  const out = []
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(ch)
    if (v < 0) throw new Error(`not a base32 character: ${ch}`)
    value = ((value << 5) | v) & 0xffff
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** The authenticator app's code for a time step (Unix seconds / 30). */
export function totp(secret, step) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const hash = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = hash[hash.length - 1] & 0x0f
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.argv[2] || process.env.JIANXI_DEMO_TOTP_SECRET || DEMO_TOTP_SECRET
  const seconds = Date.now() / 1000
  const step = Math.floor(seconds / STEP_SECONDS)
  const left = Math.ceil((step + 1) * STEP_SECONDS - seconds)
  console.log(`${totp(secret, step)}  （${left} 秒后更新；下一个 ${totp(secret, step + 1)}）`)
}
