// The base certification's shared bits: document kinds, multipart uploads that report field problems,
// and the overdue wording both terminals use.
import { errorMessage, upload } from '@/api/client'
import type { Option } from './enums'
import { fieldErrorsOf } from './violations'

export const DOCUMENT_KINDS: Option[] = [
  { value: 'BUSINESS_LICENCE', label: '营业执照' },
  { value: 'WORKPLACE_PHOTO', label: '场所照片' },
  { value: 'OTHER', label: '其他' },
]

export const INSPECTION_CONCLUSIONS: Option[] = [
  { value: 'PASSED', label: '通过' },
  { value: 'FAILED', label: '不通过' },
]

/** The same limit as the server's (jianxi.storage.max-bytes), checked first to save a useless upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

/**
 * Posts a file (and optional fields) as multipart/form-data; resolves to '' on success or to the
 * message to show (the server's field problems first).
 */
export async function postFile(url: string, file: File, fields: Record<string, string> = {}): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) return '文件不能超过 10 MB'
  try {
    await upload(url, file, { fields })
    return ''
  } catch (e) {
    return uploadProblemText(e)
  }
}

/** The message for a refused upload: the file's and kind's violations first, then the problem. */
export function uploadProblemText(e: unknown): string {
  const { fields: byField, unmatched } = fieldErrorsOf(e, ['file', 'kind'])
  return (
    [byField.file, byField.kind, ...unmatched.map((v) => v.message)].filter(Boolean).join('；') ||
    errorMessage(e, '上传失败')
  )
}
