import type { SecondFactorProof } from '@/api/types'

/** Digits only, at most six: codes are often copied with a space in the middle ("123 456"). */
export function normalizeCode(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6)
}

export function isCode(value: string): boolean {
  return /^\d{6}$/.test(value)
}

/** The base32 secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

/** The request body for what was typed: a six-digit code, or a recovery code. */
export function proofOf(value: string, recovery: boolean): SecondFactorProof {
  return recovery ? { recoveryCode: value.trim() } : { code: normalizeCode(value) }
}

/** What the download holds: who the codes are for, when they were made, and how to use them. */
export function recoveryCodesText(username: string, codes: readonly string[], at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const when = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`
  return [
    `见习通 恢复码（账号 ${username}，生成于 ${when}）`,
    '手机丢失或无法使用身份验证器时，每个恢复码可代替验证码登录一次。请妥善保管，不要与他人共享。',
    '',
    ...codes.map((c, i) => `${String(i + 1).padStart(2, ' ')}. ${c}`),
    '',
  ].join('\n')
}

/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Copies text to the clipboard; false where the browser refuses (no permission, insecure origin). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!globalThis.navigator?.clipboard) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
