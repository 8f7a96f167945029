export const PASSWORD_HINT = '至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类'

/** A Chinese message if `pw` breaks the password rule (≥ 8 characters, 3 of 4 classes), else null. */
export function passwordProblem(pw: string): string | null {
  if (pw.length < 8) return '密码至少 8 位'
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'
  return null
}
